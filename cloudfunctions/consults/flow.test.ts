import { randomUUID } from 'node:crypto';
import { dataOf } from '../../test/support/world';
import { makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';

let w: ConsultWorld;
let id = '';
beforeEach(async () => {
  w = await makeConsultWorld();
  id = await w.submitted();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const record = () => w.store.collection('consults').get(id);
const none = { accept: false, assign: false, reply: false, resolve: false, confirm: false };

describe('the whole way: submitted → accepted → in progress → resolved → closed', () => {
  it('moves step by step, with a thread, a history and the household told at each step', async () => {
    expect(dataOf(await w.consult('cadreA', 'get', { id })).can).toEqual({ ...none, accept: true, assign: true });
    expect(dataOf(await w.consult('villagerA', 'get', { id })).can).toEqual({ ...none, reply: true });

    w.clock.set('2026-11-24T03:00:00.000Z');
    const accepted = dataOf(await w.consult('cadreA', 'accept', { id }));
    expect(accepted).toMatchObject({ status: 'accepted', assignee: '赵明远（第一书记）', dueAt: '2026-11-27T02:00:00.000Z' });
    expect(accepted.can).toEqual({ ...none, assign: true, reply: true, resolve: true });

    const asked = dataOf(await w.consult('cadreA', 'reply', { id, text: '请把医保卡和发票准备好，明天上午我来拿' }));
    expect(asked.status).toBe('in_progress');
    const answered = dataOf(await w.consult('neighbourA', 'reply', { id, text: '好的，都准备好了' }));
    expect(answered.thread).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-24T03:00:00.000Z',
        authorName: '驻村干部 赵明远',
        fromHousehold: false,
        text: '请把医保卡和发票准备好，明天上午我来拿',
      },
      { id: expect.any(String), at: '2026-11-24T03:00:00.000Z', authorName: '村民 王建国', fromHousehold: true, text: '好的，都准备好了' },
    ]);

    w.clock.set('2026-11-25T03:00:00.000Z');
    const resolved = dataOf(await w.consult('cadreA', 'resolve', { id, note: '表格已经填好交到镇医保站了' }));
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '表格已经填好交到镇医保站了' });
    expect(dataOf(await w.consult('villagerA', 'get', { id })).can).toEqual({ ...none, reply: true, confirm: true });

    const closed = dataOf(await w.consult('villagerA', 'confirm', { id, solved: true }));
    expect(closed.status).toBe('closed');
    expect(closed.can).toEqual(none);
    expect(closed.history.map((e: { action: string; by: string }) => [e.action, e.by])).toEqual([
      ['submit', '村民 王秀兰'],
      ['accept', '驻村干部 赵明远'],
      ['reply', '驻村干部 赵明远'],
      ['resolve', '驻村干部 赵明远'],
      ['confirm', '村民 王秀兰'],
    ]);
    expect(await w.inboxOf('m-va')).toEqual(['求助已受理', '干部回复了您的求助', '问题解决了吗？']);
    expect(await w.inboxOf('m-ca')).toEqual(['有新的求助', '求助有新留言', '群众确认已解决']);
    const question = (await w.store.collection('inbox').find({ to: 'm-va' })).find((n) => n.title === '问题解决了吗？');
    expect(question).toMatchObject({ link: `/consult/detail/index?id=${id}` });
    expect(await record()).toMatchObject({ status: 'closed', open: false, closedAt: '2026-11-25T03:00:00.000Z' });
  });

  it('"not solved" reopens it with the reason, in the thread and the history, and tells the assignee', async () => {
    dataOf(await w.consult('cadreA', 'accept', { id }));
    dataOf(await w.consult('cadreA', 'resolve', { id, note: '已经交上去了' }));
    expect(await w.consult('villagerA', 'confirm', { id, solved: false })).toEqual({
      ok: false,
      error: { code: 'CONSULT.NEED_REASON', message: '请说说还有什么没解决' },
    });
    expect(codeOf(await w.consult('villagerA', 'confirm', { id, solved: false, reason: '   ' }))).toBe('CONSULT.NEED_REASON');
    expect((await record())!.status).toBe('resolved');
    w.clock.set('2026-11-30T02:00:00.000Z');
    const reopened = dataOf(await w.consult('villagerA', 'confirm', { id, solved: false, reason: '镇上说还缺一张证明' }));
    expect(reopened).toMatchObject({ status: 'in_progress', resolution: null, dueAt: '2026-12-03T02:00:00.000Z', overdue: false });
    expect(reopened.thread.at(-1)).toMatchObject({ fromHousehold: true, text: '镇上说还缺一张证明' });
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopen', note: '镇上说还缺一张证明' });
    expect((await w.inboxOf('m-ca')).at(-1)).toBe('问题还没解决');
    expect(await w.inboxOf('m-ca2')).toEqual(['有新的求助']);
    // It can be resolved again.
    expect(dataOf(await w.consult('cadreA', 'resolve', { id, note: '证明也补上了' })).status).toBe('resolved');
  });

  it('refuses a risky resolve note, reply or reason with CONTENT.REJECTED and changes nothing', async () => {
    dataOf(await w.consult('cadreA', 'accept', { id }));
    const before = await record();
    expect(codeOf(await w.consult('villagerA', 'reply', { id, text: '我想买点冰毒' }))).toBe('CONTENT.REJECTED');
    expect(codeOf(await w.consult('cadreA', 'resolve', { id, note: '帮他办假证了' }))).toBe('CONTENT.REJECTED');
    expect(await record()).toEqual(before);
    dataOf(await w.consult('cadreA', 'resolve', { id, note: '已经办好了' }));
    const resolved = await record();
    expect(codeOf(await w.consult('villagerA', 'confirm', { id, solved: false, reason: '他们在网赌' }))).toBe('CONTENT.REJECTED');
    expect(await record()).toEqual(resolved);
  });
});

describe('accepting', () => {
  it('is one cadre’s: a second accept, or a double tap, is CONSULT.BAD_TRANSITION', async () => {
    const both = await Promise.all([w.consult('cadreA', 'accept', { id }), w.consult('cadreA2', 'accept', { id })]);
    expect(both.map(codeOf).sort()).toEqual(['CONSULT.BAD_TRANSITION', 'ok']);
    expect((await record())!.history.filter((e) => e.action === 'accept')).toHaveLength(1);
    expect(await w.consult('cadreA', 'accept', { id })).toEqual({
      ok: false,
      error: { code: 'CONSULT.BAD_TRANSITION', message: '这条求助现在不能这样操作，请刷新后再看' },
    });
  });

  it('is refused to the township office until it is handed to it, and to every villager and helper', async () => {
    expect(codeOf(await w.consult('office', 'accept', { id }))).toBe('COMMON.FORBIDDEN');
    for (const who of ['villagerA', 'helperA'] as const) expect(codeOf(await w.consult(who, 'accept', { id }))).toBe('COMMON.FORBIDDEN');
    expect((await record())!.status).toBe('submitted');
  });

  it('answers CONSULT.NOT_FOUND for an id that does not exist', async () => {
    expect(await w.consult('cadreA', 'accept', { id: 'nothing-here' })).toEqual({
      ok: false,
      error: { code: 'CONSULT.NOT_FOUND', message: '找不到这条求助，可能已被处理' },
    });
    expect(codeOf(await w.consult('cadreA', 'get', { id: 'nothing-here' }))).toBe('CONSULT.NOT_FOUND');
  });
});

describe('handing over', () => {
  it('lists the other cadres of the village and the township office as assignees', async () => {
    const { items } = dataOf(await w.consult('cadreA', 'assignees', { id }));
    expect(items).toEqual([
      { memberId: 'm-ca2', name: '钱晓燕', title: '驻村工作队员', role: 'cadre' },
      { memberId: 'm-of', name: '周海涛', title: null, role: 'office' },
    ]);
    expect(codeOf(await w.consult('office', 'assignees', { id }))).toBe('COMMON.FORBIDDEN');
  });

  it('hands it to another cadre, who must accept it; the household and the new assignee are told', async () => {
    const handed = dataOf(await w.consult('cadreA', 'assign', { id, toMemberId: 'm-ca2', note: '她熟悉医保' }));
    expect(handed).toMatchObject({ status: 'submitted', assignee: '钱晓燕（驻村工作队员）' });
    expect(handed.history.at(-1)).toMatchObject({ action: 'assign', note: '她熟悉医保' });
    expect(dataOf(await w.consult('cadreA', 'get', { id })).can.accept).toBe(false);
    expect(codeOf(await w.consult('cadreA', 'accept', { id }))).toBe('COMMON.FORBIDDEN');
    expect(await w.inboxOf('m-ca2')).toEqual(['有新的求助', '有一件求助转交给您']);
    expect(await w.inboxOf('m-va')).toEqual(['求助已转交']);
    expect(dataOf(await w.consult('cadreA2', 'accept', { id })).status).toBe('accepted');
  });

  it('refuses a risky handover note with CONTENT.REJECTED and hands nothing over', async () => {
    expect(codeOf(await w.consult('cadreA', 'assign', { id, toMemberId: 'm-ca2', note: '他在网赌' }))).toBe('CONTENT.REJECTED');
    expect(dataOf(await w.consult('cadreA', 'get', { id })).history.map((e: { action: string }) => e.action)).toEqual(['submit']);
    expect(await w.inboxOf('m-ca2')).toEqual(['有新的求助']);
  });

  it('hands it to the township office, whose queue then lists it and who accepts and resolves it', async () => {
    expect(dataOf(await w.consult('office', 'assigned', {})).items).toEqual([]);
    dataOf(await w.consult('cadreA', 'assign', { id, toMemberId: 'm-of' }));
    expect(dataOf(await w.consult('office', 'assigned', {})).items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(dataOf(await w.consult('office', 'accept', { id })).assignee).toBe('周海涛（驻村办）');
    // Taken on by the office, it stays in the office's queue.
    expect(dataOf(await w.consult('office', 'assigned', {})).items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(dataOf(await w.consult('office', 'reply', { id, text: '镇里来办，请带上户口本' })).status).toBe('in_progress');
    expect(dataOf(await w.consult('office', 'resolve', { id, note: '已经办好' })).status).toBe('resolved');
  });

  it('refuses anyone else with CONSULT.BAD_ASSIGNEE and changes nothing', async () => {
    const before = await record();
    for (const toMemberId of ['m-cb', 'm-ha', 'm-va', 'm-oc', 'm-ca', 'nobody']) {
      expect(codeOf(await w.consult('cadreA', 'assign', { id, toMemberId }))).toBe('CONSULT.BAD_ASSIGNEE');
    }
    expect(await w.consult('cadreA', 'assign', { id, toMemberId: 'm-cb' })).toMatchObject({
      error: { message: '只能转交给本村的驻村干部或本镇的驻村办' },
    });
    expect(await record()).toEqual(before);
  });

  it('offers the county office where the township has none', async () => {
    await w.store.collection('members').remove('m-of');
    const { items } = dataOf(await w.consult('cadreA', 'assignees', { id }));
    expect(items.map((i: { memberId: string }) => i.memberId)).toEqual(['m-ca2', 'm-oc']);
    expect(dataOf(await w.consult('cadreA', 'assign', { id, toMemberId: 'm-oc' })).assignee).toBe('钱主任（驻村办）');
  });

  it('cannot hand on a resolved or closed request', async () => {
    dataOf(await w.consult('cadreA', 'accept', { id }));
    dataOf(await w.consult('cadreA', 'resolve', { id, note: '办好了' }));
    expect(codeOf(await w.consult('cadreA', 'assign', { id, toMemberId: 'm-ca2' }))).toBe('CONSULT.BAD_TRANSITION');
  });
});

describe('the thread', () => {
  it('tells the assignee of a villager’s message, or the village’s cadres while nobody has it', async () => {
    dataOf(await w.consult('villagerA', 'reply', { id, text: '补充一下：是住院的发票' }));
    expect(await w.inboxOf('m-ca2')).toEqual(['有新的求助', '求助有新留言']);
    dataOf(await w.consult('cadreA', 'accept', { id }));
    dataOf(await w.consult('villagerA', 'reply', { id, text: '还有门诊的' }));
    expect(await w.inboxOf('m-ca2')).toEqual(['有新的求助', '求助有新留言']);
    // Same instant on the test clock: compare as sets with counts.
    expect((await w.inboxOf('m-ca')).sort()).toEqual(['有新的求助', '求助有新留言', '求助有新留言'].sort());
  });

  it('keeps staff out of the thread until someone accepts it, and everyone once it is closed', async () => {
    expect(codeOf(await w.consult('cadreA', 'reply', { id, text: '收到' }))).toBe('COMMON.FORBIDDEN');
    dataOf(await w.consult('cadreA', 'accept', { id }));
    dataOf(await w.consult('cadreA', 'resolve', { id, note: '办好了' }));
    dataOf(await w.consult('villagerA', 'confirm', { id, solved: true }));
    expect(codeOf(await w.consult('villagerA', 'reply', { id, text: '谢谢' }))).toBe('CONSULT.BAD_TRANSITION');
  });

  it('adds a retried reply once', async () => {
    const requestId = randomUUID();
    dataOf(await w.consult('villagerA', 'reply', { id, text: '补充一下情况', requestId }));
    const again = dataOf(await w.consult('villagerA', 'reply', { id, text: '补充一下情况', requestId }));
    expect(again.thread).toHaveLength(1);
    expect((await record())!.thread).toHaveLength(1);
  });

  it('rejects an empty or overlong reply in Chinese', async () => {
    expect(await w.consult('villagerA', 'reply', { id, text: '  ' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请填写回复' },
    });
    expect(codeOf(await w.consult('villagerA', 'reply', { id, text: '字'.repeat(501) }))).toBe('COMMON.INVALID_INPUT');
    expect((await record())!.thread).toEqual([]);
  });
});

describe('resolving and answering', () => {
  it('lets any cadre of the village resolve, but not before someone accepts', async () => {
    expect(codeOf(await w.consult('cadreA', 'resolve', { id, note: '办好了' }))).toBe('CONSULT.BAD_TRANSITION');
    dataOf(await w.consult('cadreA', 'accept', { id }));
    expect(codeOf(await w.consult('office', 'resolve', { id, note: '办好了' }))).toBe('COMMON.FORBIDDEN');
    expect(dataOf(await w.consult('cadreA2', 'resolve', { id, note: '我替他办好了' })).status).toBe('resolved');
  });

  it('asks only the household (or the cadre who entered it) 问题解决了吗？', async () => {
    const entered = dataOf(
      await w.consult('cadreA2', 'submit', { type: 'letter', text: '替王大爷给在外打工的儿子写封信', consent: true, householdId: 'h-a1' }),
    ).id;
    for (const x of [id, entered]) {
      dataOf(await w.consult('cadreA', 'accept', { id: x }));
      dataOf(await w.consult('cadreA', 'resolve', { id: x, note: '办好了' }));
    }
    expect(codeOf(await w.consult('cadreA', 'confirm', { id, solved: true }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await w.consult('cadreA2', 'confirm', { id, solved: true }))).toBe('COMMON.FORBIDDEN');
    expect(dataOf(await w.consult('cadreA2', 'get', { id: entered })).can.confirm).toBe(true);
    expect(dataOf(await w.consult('cadreA2', 'confirm', { id: entered, solved: true })).status).toBe('closed');
    expect(codeOf(await w.consult('villagerA', 'confirm', { id: entered, solved: true }))).toBe('CONSULT.BAD_TRANSITION');
  });
});

describe('the legal-aid card on a legal request', () => {
  it('shows the county’s card on 法律咨询 / 矛盾调解 only', async () => {
    const legal = dataOf(await w.consult('villagerA', 'submit', { type: 'legal', text: '和邻居因为宅基地边界闹矛盾', consent: true })).id;
    expect(dataOf(await w.consult('villagerA', 'get', { id: legal })).legalAid).toEqual({
      hotline: '12348',
      centre: null,
      judicialOffices: [],
    });
    expect(dataOf(await w.consult('villagerA', 'get', { id })).legalAid).toBeNull();
  });
});
