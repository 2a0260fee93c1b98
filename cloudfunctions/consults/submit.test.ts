import { consultRules } from '../../types';
import { dataOf } from '../../test/support/world';
import { consultPeople, makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';
import type { LocalFileStore } from '../core/adapters/local-files';

let w: ConsultWorld;
beforeEach(async () => {
  w = await makeConsultWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const stored = () => w.store.collection('consults').count({});
const ask = { type: 'medical', text: '老伴要去县医院看病，想请干部帮忙挂号', consent: true } as const;
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const upload = (n = 1) => (w.deps.files as LocalFileStore).upload(new Uint8Array([...JPEG, n]), 'image/jpeg');

describe('a villager asking for help', () => {
  it('stores the request for their household, waiting for acceptance, with its targets', async () => {
    const made = dataOf(await w.consult('villagerA', 'submit', { ...ask, text: `  ${ask.text}  ` }));
    expect(made).toMatchObject({
      type: 'medical',
      status: 'submitted',
      excerpt: ask.text,
      householdLabel: '我家',
      villageName: '杏花村',
      assignee: '本村驻村干部',
      submittedAt: '2026-11-24T02:00:00.000Z',
      // 就医协助: a first answer within 4 hours.
      dueAt: '2026-11-24T06:00:00.000Z',
      overdue: false,
      escalated: false,
    });
    const record = await w.store.collection('consults').get(made.id);
    expect(record).toMatchObject({
      householdId: 'h-a1',
      villageId: 'v-xinghua',
      townshipId: 't-shiqiao',
      countyId: 'c-qinghe',
      submittedBy: 'm-va',
      enteredBy: null,
      resolveBy: '2026-11-26T02:00:00.000Z',
      open: true,
      history: [{ at: made.submittedAt, by: 'm-va', action: 'submit', note: null }],
    });
  });

  it('tells every cadre of the village, with a link to the request', async () => {
    const id = await w.submitted();
    for (const cadre of ['m-ca', 'm-ca2']) {
      const [n] = await w.store.collection('inbox').find({ to: cadre });
      expect(n).toMatchObject({ title: '有新的求助', link: `/consult/detail/index?id=${id}` });
      expect(n.body).toContain('代填表格');
      // The household's own words stay on the request page.
      expect(n.body).not.toContain('医保');
    }
    expect(await w.inboxOf('m-cb')).toEqual([]);
    expect(await w.inboxOf('m-of')).toEqual([]);
  });

  it('refuses without consent, in Chinese, and stores nothing', async () => {
    const res = await w.consult('villagerA', 'submit', { ...ask, consent: false });
    expect(res).toEqual({ ok: false, error: { code: 'CONSULT.NO_CONSENT', message: '要请干部代办，需要您先同意由干部代为办理' } });
    expect(await stored()).toBe(0);
    expect(await w.store.collection('inbox').count({})).toBe(0);
    const missing = await w.consult('villagerA', 'submit', { type: 'medical', text: ask.text });
    expect(missing).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '请确认同意干部代为办理' } });
  });

  it('rejects bad input with a Chinese message and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...ask, type: 'cash' }, '请选择要办的事'],
      [{ ...ask, text: '帮忙' }, '至少写 5 个字，说清楚要办什么事'],
      [{ ...ask, text: '字'.repeat(501) }, '最多 500 个字'],
      [{ ...ask, photos: ['a', 'b', 'c', 'd'] }, `最多 ${consultRules.maxPhotos} 张照片`],
    ];
    for (const [input, message] of cases) {
      expect(await w.consult('villagerA', 'submit', input)).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message } });
    }
    expect(codeOf(await w.consult('villagerA', 'submit', { ...ask, status: 'closed' }))).toBe('COMMON.INVALID_INPUT');
    expect(codeOf(await w.consult('villagerA', 'submit', { ...ask, requestId: 'not-a-uuid' }))).toBe('COMMON.INVALID_INPUT');
    expect(await stored()).toBe(0);
  });

  it('keeps uploaded photos and refuses a photo id that names no file', async () => {
    const photo = await upload();
    const made = dataOf(await w.consult('villagerA', 'submit', { ...ask, photos: [photo, photo] }));
    expect((await w.store.collection('consults').get(made.id))!.photos).toEqual([photo]);
    const detail = dataOf(await w.consult('villagerA', 'get', { id: made.id }));
    expect(detail.photoUrls).toHaveLength(1);
    expect(detail.photoUrls[0]).not.toContain(photo);
    const res = await w.consult('villagerA', 'submit', { ...ask, photos: ['local://made-up'] });
    expect(codeOf(res)).toBe('COMMON.INVALID_INPUT');
    expect(await stored()).toBe(1);
  });

  it('submits only for their own household: another is HOUSEHOLD.NOT_FOUND, none is TASK.NO_HOUSEHOLD', async () => {
    expect(codeOf(await w.consult('villagerA', 'submit', { ...ask, householdId: 'h-b1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    dataOf(await w.consult('villagerA', 'submit', { ...ask, householdId: 'h-a1' }));
    await w.store.collection('members').remove('m-va2');
    await w.store.collection('members').add({ ...(await w.store.collection('members').get('m-va'))!, _id: 'm-va2', householdId: null });
    expect(codeOf(await w.consult('neighbourA', 'submit', ask))).toBe('TASK.NO_HOUSEHOLD');
    expect(await w.consult('neighbourA', 'mine', {})).toEqual({
      ok: false,
      error: { code: 'TASK.NO_HOUSEHOLD', message: '您还没有绑定到哪一户，请联系驻村干部' },
    });
    expect(await stored()).toBe(1);
  });

  it('refuses a risky text with CONTENT.REJECTED and stores nothing; keeps a text held for review and logs it', async () => {
    const warned: string[] = [];
    w.deps.log = { ...w.deps.log, warn: (m) => warned.push(m) };
    const risky = await w.consult('villagerA', 'submit', { ...ask, text: '有人叫我去网赌，想问问怎么办' });
    expect(risky).toEqual({ ok: false, error: { code: 'CONTENT.REJECTED', message: '内容里有不适合发布的词句，请修改后再发' } });
    expect(await stored()).toBe(0);
    dataOf(await w.consult('villagerA', 'submit', { ...ask, type: 'loans', text: '想问问小额贷款怎么申请' }));
    expect(warned).toEqual([expect.stringContaining('consults.submit')]);
  });

  it('refuses helpers and offices as submitters', async () => {
    for (const who of ['helperA', 'office'] as const) expect(codeOf(await w.consult(who, 'submit', ask))).toBe('COMMON.FORBIDDEN');
    expect(await stored()).toBe(0);
  });
});

describe('a cadre asking on a household’s behalf', () => {
  it('enters it for a household of the village; the household follows it, and the cadre is named', async () => {
    const made = dataOf(
      await w.consult('cadreA', 'submit', { ...ask, type: 'licences', text: '王家要补办户口本，需要代办', householdId: 'h-a1' }),
    );
    expect(made).toMatchObject({ householdLabel: '王建国 三组 12 号', status: 'submitted' });
    expect(await w.store.collection('consults').get(made.id)).toMatchObject({ enteredBy: 'm-ca', submittedBy: 'm-ca' });
    expect(dataOf(await w.consult('villagerA', 'mine', {})).items.map((i: { id: string }) => i.id)).toEqual([made.id]);
    expect(dataOf(await w.consult('villagerA', 'get', { id: made.id })).enteredBy).toBe('驻村干部 赵明远');
    // The other cadre is told; the one who entered it is not; the household is.
    expect(await w.inboxOf('m-ca2')).toEqual(['有新的求助']);
    expect(await w.inboxOf('m-ca')).toEqual([]);
    expect(await w.inboxOf('m-va')).toEqual(['干部为您登记了求助']);
  });

  it('cannot enter one for another village’s household or none', async () => {
    expect(codeOf(await w.consult('cadreA', 'submit', { ...ask, householdId: 'h-b1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await w.consult('cadreA', 'submit', { ...ask, householdId: 'h-nowhere' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await w.consult('cadreA', 'submit', ask))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await w.consult('cadreB', 'submit', { ...ask, householdId: 'h-a1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(await stored()).toBe(0);
  });
});

describe('我的求助', () => {
  it('lists the household’s requests, not closed first, then newest, in pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      w.clock.set(`2026-11-2${4 + i}T02:00:00.000Z`);
      ids.push(dataOf(await w.consult(i % 2 ? 'neighbourA' : 'villagerA', 'submit', { ...ask, text: `第 ${i} 件要办的事情` })).id);
    }
    // The oldest is closed: it goes last.
    dataOf(await w.consult('cadreA', 'accept', { id: ids[1] }));
    dataOf(await w.consult('cadreA', 'resolve', { id: ids[1], note: '办好了' }));
    dataOf(await w.consult('villagerA', 'confirm', { id: ids[1], solved: true }));
    dataOf(await w.consult('villagerB', 'submit', ask));
    const first = dataOf(await w.consult('villagerA', 'mine', { limit: 2 }));
    const rest = dataOf(await w.consult('neighbourA', 'mine', { limit: 2, cursor: first.nextCursor }));
    expect([...first.items, ...rest.items].map((i: { id: string }) => i.id)).toEqual([ids[3], ids[2], ids[0], ids[1]]);
    expect(rest.nextCursor).toBeNull();
    expect(dataOf(await w.consult('villagerB', 'mine', {})).items).toHaveLength(1);
  });

  it('is for villagers only', async () => {
    for (const who of ['cadreA', 'helperA', 'office'] as const) expect(codeOf(await w.consult(who, 'mine', {}))).toBe('COMMON.FORBIDDEN');
    expect(consultPeople.cadreA2.villageId).toBe('v-xinghua');
  });
});
