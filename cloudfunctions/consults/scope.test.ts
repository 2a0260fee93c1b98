import { dataOf } from '../../test/support/world';
import { consults, makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';

let w: ConsultWorld;
let a = '';
let b = '';
beforeEach(async () => {
  w = await makeConsultWorld();
  a = await w.submitted('杏花村王家想请干部帮忙填表格');
  b = dataOf(await w.consult('villagerB', 'submit', { type: 'legal', text: '柳溪村李家和邻居有土地纠纷', consent: true })).id;
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('village A’s villager and village B’s requests', () => {
  it('can never read them: get is CONSULT.NOT_FOUND, mine lists only their own household’s', async () => {
    expect(codeOf(await w.consult('villagerA', 'get', { id: b }))).toBe('CONSULT.NOT_FOUND');
    expect(ids(dataOf(await w.consult('villagerA', 'mine', {})))).toEqual([a]);
    expect(ids(dataOf(await w.consult('villagerB', 'mine', {})))).toEqual([b]);
  });

  it('can never write them: reply and confirm are CONSULT.NOT_FOUND and change nothing', async () => {
    dataOf(await w.consult('cadreB', 'accept', { id: b }));
    dataOf(await w.consult('cadreB', 'resolve', { id: b, note: '调解好了' }));
    const before = await w.store.collection('consults').get(b);
    expect(codeOf(await w.consult('villagerA', 'reply', { id: b, text: '我来插一句' }))).toBe('CONSULT.NOT_FOUND');
    expect(codeOf(await w.consult('villagerA', 'confirm', { id: b, solved: true }))).toBe('CONSULT.NOT_FOUND');
    expect(codeOf(await w.consult('villagerA', 'confirm', { id: b, solved: false, reason: '没解决' }))).toBe('CONSULT.NOT_FOUND');
    expect(await w.store.collection('consults').get(b)).toEqual(before);
  });

  it('a villager of another household of the same village cannot either', async () => {
    await w.store
      .collection('households')
      .add({ ...(await w.store.collection('households').get('h-a1'))!, _id: 'h-a2', address: '三组 13 号' });
    await w.store
      .collection('members')
      .add({ ...(await w.store.collection('members').get('m-va'))!, _id: 'm-va3', householdId: 'h-a2', openid: 'wx-m-va3' });
    await w.store.collection('users').add({ _id: 'wx-m-va3', memberId: 'm-va3', boundAt: '2026-11-01T00:00:00.000Z' });
    expect(codeOf(await w.call(consults, 'wx-m-va3', 'get', { id: a }))).toBe('CONSULT.NOT_FOUND');
    expect(dataOf(await w.call(consults, 'wx-m-va3', 'mine', {})).items).toEqual([]);
  });
});

describe('cadre B and village A’s requests', () => {
  it('cannot see or handle them', async () => {
    expect(ids(dataOf(await w.consult('cadreB', 'assigned', {})))).toEqual([b]);
    for (const [action, input] of [
      ['get', { id: a }],
      ['accept', { id: a }],
      ['assignees', { id: a }],
      ['assign', { id: a, toMemberId: 'm-cb' }],
      ['reply', { id: a, text: '我来看看' }],
      ['resolve', { id: a, note: '办好了' }],
      ['confirm', { id: a, solved: true }],
    ] as const) {
      expect([action, codeOf(await w.consult('cadreB', action, input))]).toEqual([action, 'CONSULT.NOT_FOUND']);
    }
    expect((await w.store.collection('consults').get(a))!.status).toBe('submitted');
  });
});

describe('who calls what', () => {
  it('keeps helpers out of every action but the legal-aid card', async () => {
    for (const action of [
      'submit',
      'mine',
      'assigned',
      'get',
      'accept',
      'assignees',
      'assign',
      'reply',
      'resolve',
      'confirm',
      'setLegalCard',
    ]) {
      expect([action, codeOf(await w.consult('helperA', action, { id: a }))]).toEqual([action, 'COMMON.FORBIDDEN']);
    }
    expect(dataOf(await w.consult('helperA', 'legalCard', {})).hotline).toBe('12348');
  });

  it('keeps villagers out of the staff actions', async () => {
    for (const action of ['assigned', 'accept', 'assignees', 'assign', 'resolve', 'setLegalCard']) {
      expect([action, codeOf(await w.consult('villagerA', action, { id: a }))]).toEqual([action, 'COMMON.FORBIDDEN']);
    }
  });

  it('keeps offices out of submitting and answering for a household', async () => {
    expect(codeOf(await w.consult('office', 'submit', { type: 'forms', text: '替群众提一件事', consent: true, householdId: 'h-a1' }))).toBe(
      'COMMON.FORBIDDEN',
    );
    expect(codeOf(await w.consult('office', 'confirm', { id: a, solved: true }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await w.consult('office', 'mine', {}))).toBe('COMMON.FORBIDDEN');
  });

  it('asks an unbound caller to bind and an unknown one to come back through WeChat', async () => {
    expect(codeOf(await w.consult('wx-stranger', 'get', { id: a }))).toBe('COMMON.NOT_BOUND');
    expect(codeOf(await w.consult(null, 'get', { id: a }))).toBe('COMMON.UNAUTHENTICATED');
  });
});

describe('what an office sees', () => {
  it('reads any request of its area, and lists only those escalated or handed to an office', async () => {
    expect(dataOf(await w.consult('office', 'get', { id: a })).householdLabel).toBe('王建国 三组 12 号');
    expect(dataOf(await w.consult('countyOffice', 'get', { id: b })).can).toEqual({
      accept: false,
      assign: false,
      reply: false,
      resolve: false,
      confirm: false,
    });
    expect(dataOf(await w.consult('office', 'assigned', {}))).toEqual({ items: [], nextCursor: null, overdue: 0 });
    dataOf(await w.consult('cadreB', 'assign', { id: b, toMemberId: 'm-of' }));
    expect(ids(dataOf(await w.consult('office', 'assigned', {})))).toEqual([b]);
    expect(ids(dataOf(await w.consult('countyOffice', 'assigned', {})))).toEqual([b]);
  });

  it('of another township sees nothing of this one', async () => {
    await w.store.collection('members').add({
      ...(await w.store.collection('members').get('m-of'))!,
      _id: 'm-of2',
      townshipId: 't-far',
      scopeId: 't-far',
      openid: 'wx-m-of2',
    });
    await w.store.collection('users').add({ _id: 'wx-m-of2', memberId: 'm-of2', boundAt: '2026-11-01T00:00:00.000Z' });
    dataOf(await w.consult('cadreA', 'assign', { id: a, toMemberId: 'm-of' }));
    expect(codeOf(await w.consult('wx-m-of2', 'get', { id: a }))).toBe('CONSULT.NOT_FOUND');
    expect(dataOf(await w.consult('wx-m-of2', 'assigned', {})).items).toEqual([]);
  });
});

describe('待办求助 of a cadre', () => {
  it('lists the village’s open requests by the deadline that applies now, overdue first, with the count', async () => {
    // 就医协助 answers within 4 hours; 代填表格 (a) within 24.
    w.clock.set('2026-11-24T03:00:00.000Z');
    const medical = dataOf(await w.consult('neighbourA', 'submit', { type: 'medical', text: '明天要去县医院复查', consent: true })).id;
    w.clock.set('2026-11-24T08:00:00.000Z');
    const page = dataOf(await w.consult('cadreA', 'assigned', {}));
    expect(ids(page)).toEqual([medical, a]);
    expect(page.overdue).toBe(1);
    expect(page.items[0]).toMatchObject({ overdue: true, householdLabel: '王建国 三组 12 号', dueAt: '2026-11-24T07:00:00.000Z' });
    expect(page.items[1]).toMatchObject({ overdue: false });
  });

  it('puts the soonest deadline first whatever changed last, and counts as overdue only what still waits on staff', async () => {
    w.clock.set('2026-11-24T03:00:00.000Z');
    const medical = dataOf(await w.consult('neighbourA', 'submit', { type: 'medical', text: '明天要去县医院复查', consent: true })).id;
    w.clock.set('2026-11-24T08:00:00.000Z');
    dataOf(await w.consult('villagerA', 'reply', { id: a, text: '补充：表格放在村委会了' }));
    expect(ids(dataOf(await w.consult('cadreA', 'assigned', {})))).toEqual([medical, a]);
    dataOf(await w.consult('cadreA', 'accept', { id: medical }));
    dataOf(await w.consult('cadreA', 'resolve', { id: medical, note: '已陪同去县医院复查' }));
    // Both deadlines have passed; the resolved one waits on the household, not on staff.
    w.clock.set('2026-11-27T08:00:00.000Z');
    const page = dataOf(await w.consult('cadreA', 'assigned', {}));
    expect(ids(page)).toEqual([a]);
    expect(page.overdue).toBe(1);
  });

  it('moves resolved and closed ones to done, newest first, in pages', async () => {
    const more: string[] = [];
    for (let i = 0; i < 3; i++) {
      w.clock.set(`2026-11-24T0${3 + i}:00:00.000Z`);
      const id = dataOf(await w.consult('neighbourA', 'submit', { type: 'letter', text: `第 ${i} 封要代写的信`, consent: true })).id;
      dataOf(await w.consult('cadreA', 'accept', { id }));
      dataOf(await w.consult('cadreA', 'resolve', { id, note: '写好了' }));
      more.push(id);
    }
    expect(ids(dataOf(await w.consult('cadreA', 'assigned', { view: 'open' })))).toEqual([a]);
    const first = dataOf(await w.consult('cadreA2', 'assigned', { view: 'done', limit: 2 }));
    const rest = dataOf(await w.consult('cadreA2', 'assigned', { view: 'done', limit: 2, cursor: first.nextCursor }));
    expect([...ids(first), ...ids(rest)]).toEqual([...more].reverse());
    expect(rest.nextCursor).toBeNull();
    expect(codeOf(await w.consult('cadreA', 'assigned', { view: 'all' }))).toBe('COMMON.INVALID_INPUT');
  });
});
