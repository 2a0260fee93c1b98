import { randomUUID } from 'node:crypto';
import { MAX_OPEN_WISHES, wishRules } from '../../types';
import { dataOf, makeWorld, type World } from '../../test/support/world';
import type { LocalFileStore } from '../core/adapters/local-files';
import { wishesHandler as wishes } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const upload = (n = 1) => (w.deps.files as LocalFileStore).upload(new Uint8Array([...JPEG, n]), 'image/jpeg');
const stored = () => w.store.collection('wishes').count({});
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

describe('a villager submitting a wish with a value and photos', () => {
  it('stores the value and the uploaded photos, and shows the value under 我的心愿', async () => {
    const photos = [await upload(1), await upload(2)];
    const made = dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'study', text: '想给孙子买一个书包', value: 120, photos }));
    expect(made).toMatchObject({ value: 120, status: 'pending_review', rejectReason: null, thanked: false });
    const record = await w.store.collection('wishes').get(made.id);
    expect(record).toMatchObject({ photos, value: 120, channel: null, submitterId: 'm-va' });
    expect(record!.history).toEqual([{ at: made.createdAt, by: 'm-va', action: 'submit', from: null, to: 'pending_review', note: null }]);
    expect(dataOf(await w.call(wishes, 'villagerA', 'mine', {})).items[0]).toMatchObject({ id: made.id, value: 120 });
  });

  it('refuses a photo id that names no uploaded file, in Chinese, and stores nothing', async () => {
    const res = await w.call(wishes, 'villagerA', 'submit', {
      category: 'daily',
      text: '冬天需要一床厚棉被',
      photos: [await upload(), 'local://made-up'],
    });
    expect(res).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    const forged = await w.call(wishes, 'villagerA', 'submit', {
      category: 'daily',
      text: '冬天需要一床厚棉被',
      photos: [`local://${'a'.repeat(64)}.jpg`],
    });
    expect(codeOf(forged)).toBe('COMMON.INVALID_INPUT');
    expect(await stored()).toBe(0);
  });

  it('refuses more photos than allowed, and a value above the micro-wish cap', async () => {
    const photos = await Promise.all(Array.from({ length: wishRules.maxPhotos + 1 }, (_, i) => upload(i)));
    expect(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '冬天需要一床厚棉被', photos })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: `最多 ${wishRules.maxPhotos} 张照片` },
    });
    const tooDear = await w.call(wishes, 'villagerA', 'submit', {
      category: 'daily',
      text: '想要一台新电视机',
      value: wishRules.maxValueYuan + 1,
    });
    expect(tooDear).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await stored()).toBe(0);
  });

  it('refuses risky text with WISH.CONTENT_RISKY, stores nothing and keeps the household its places', async () => {
    const res = await w.call(wishes, 'villagerA', 'submit', { category: 'other', text: '帮我代开发票赚点钱' });
    expect(res).toEqual({ ok: false, error: { code: 'WISH.CONTENT_RISKY', message: '内容里有不适合发布的词句，请修改后再提交' } });
    expect(await stored()).toBe(0);
    expect(dataOf(await w.call(wishes, 'villagerA', 'quota', {}))).toEqual({ open: 0, max: MAX_OPEN_WISHES });
  });

  it('keeps text the check holds for review waiting for the cadre, like any other wish', async () => {
    const made = dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '希望有人转账帮我交电费' }));
    expect(made.status).toBe('pending_review');
  });

  it("passes the writer's openid to the content check", async () => {
    const seen: (string | null)[] = [];
    w.deps.content = { check: async (_t, openid) => (seen.push(openid), 'pass') };
    dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '冬天需要一床厚棉被' }));
    expect(seen).toEqual(['wx-m-va']);
  });
});

describe('a cadre submitting a wish for a household of the village', () => {
  const forA = { householdId: 'h-a1', category: 'daily', text: '入户时老人说想要一个暖手宝', channel: 'visit' };

  it('records the channel and the cadre as submitter, and the household sees it under 我的心愿', async () => {
    const made = dataOf(await w.call(wishes, 'cadreA', 'submitFor', { ...forA, value: 50 }));
    expect(made).toMatchObject({ status: 'pending_review', value: 50 });
    const record = await w.store.collection('wishes').get(made.id);
    expect(record).toMatchObject({ householdId: 'h-a1', villageId: 'v-xinghua', submitterId: 'm-ca', channel: 'visit' });
    expect(record!.history).toEqual([expect.objectContaining({ by: 'm-ca', action: 'submit', to: 'pending_review' })]);
    for (const who of ['villagerA', 'neighbourA'] as const) {
      expect(dataOf(await w.call(wishes, who, 'mine', {})).items.map((x: { id: string }) => x.id)).toEqual([made.id]);
    }
    expect(dataOf(await w.call(wishes, 'villagerB', 'mine', {})).items).toEqual([]);
    const review = dataOf(await w.call(wishes, 'cadreA', 'pendingReview', {}));
    expect(review.items[0]).toMatchObject({ id: made.id, channel: 'visit', submitterName: '赵明远', householdLabel: '三组 12 号' });
  });

  it('counts against the same household cap as the villagers own wishes', async () => {
    dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '第一个心愿：棉被' }));
    dataOf(await w.call(wishes, 'cadreA', 'submitFor', { ...forA, channel: 'phone' }));
    dataOf(await w.call(wishes, 'cadreA', 'submitFor', { ...forA, channel: 'paper', text: '纸质心愿箱里的一张：想要化肥' }));
    expect(codeOf(await w.call(wishes, 'cadreA', 'submitFor', forA))).toBe('WISH.TOO_MANY_OPEN');
    expect(codeOf(await w.call(wishes, 'neighbourA', 'submit', { category: 'daily', text: '第四个心愿：收音机' }))).toBe(
      'WISH.TOO_MANY_OPEN',
    );
    expect(dataOf(await w.call(wishes, 'villagerA', 'quota', {}))).toEqual({ open: 3, max: MAX_OPEN_WISHES });
  });

  it('answers a retry with the same request id with the first wish', async () => {
    const input = { ...forA, requestId: randomUUID() };
    const first = dataOf(await w.call(wishes, 'cadreA', 'submitFor', input));
    expect(dataOf(await w.call(wishes, 'cadreA', 'submitFor', input))).toEqual(first);
    expect(await stored()).toBe(1);
  });

  it('calls a household of another village or an unknown one not found, alike, and stores nothing', async () => {
    const other = await w.call(wishes, 'cadreA', 'submitFor', { ...forA, householdId: 'h-b1' });
    const unknown = await w.call(wishes, 'cadreA', 'submitFor', { ...forA, householdId: 'h-nobody' });
    expect(other).toEqual({ ok: false, error: { code: 'HOUSEHOLD.NOT_FOUND', message: '本村花名册里没有这一户' } });
    expect(unknown).toEqual(other);
    expect(await stored()).toBe(0);
  });

  it('refuses risky text, a missing channel, and anyone but a cadre', async () => {
    expect(codeOf(await w.call(wishes, 'cadreA', 'submitFor', { ...forA, text: '村里有人组织赌博' }))).toBe('WISH.CONTENT_RISKY');
    const { channel: _omitted, ...noChannel } = forA;
    expect(await w.call(wishes, 'cadreA', 'submitFor', noChannel)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请选择收集方式' },
    });
    for (const who of ['villagerA', 'helperA', 'office'] as const) {
      expect(codeOf(await w.call(wishes, who, 'submitFor', forA))).toBe('COMMON.FORBIDDEN');
    }
    expect(await stored()).toBe(0);
  });
});
