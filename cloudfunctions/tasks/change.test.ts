import { withLatency } from '../../local/latency-store';
import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld, xinghuaTask } from '../../test/support/visit-world';
import { tasksHandler as tasks } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
  await Promise.all(
    [
      task('c-team', {}),
      task('c-helper', { kind: 'helper', assignee: 'm-ha' }),
      task('c-follow', { kind: 'follow_up', assignee: 'm-ha', title: '帮忙申请慢病证' }),
      task('c-care', { kind: 'care', urgent: true, assignee: 'township:t-shiqiao', householdId: null, subjectMemberId: 'm-ca' }),
      task('c-missed', {
        kind: 'must_visit',
        urgent: true,
        dueDate: '2026-11-20',
        status: 'overdue',
        escalatedAt: '2026-11-21T00:00:00.000Z',
      }),
    ].map((t) => w.store.collection('tasks').add(t)),
  );
});

const task = xinghuaTask;
type Who = Parameters<World['call']>[1];
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const stored = async (id: string) => (await w.store.collection('tasks').get(id))!;

describe('skipping a task with a reason', () => {
  it('closes it, keeps the reason in its history, and takes it off every tab', async () => {
    const answer = dataOf(await w.call(tasks, 'cadreB', 'list', { tab: 'all' }));
    expect(answer.items).toEqual([]);
    const skipped = dataOf(await w.call(tasks, 'cadreA', 'skip', { id: 'c-team', reason: '全家外出打工，春节才回' }));
    expect(skipped).toMatchObject({ id: 'c-team', status: 'skipped' });
    expect((await stored('c-team')).history.at(-1)).toEqual({
      at: '2026-11-24T02:00:00.000Z',
      by: 'm-ca',
      action: 'skip',
      note: '全家外出打工，春节才回',
    });
    expect(dataOf(await w.call(tasks, 'cadreA', 'list', { tab: 'all' })).items.map((t: { id: string }) => t.id)).toEqual(['c-missed']);
    expect(codeOf(await w.call(tasks, 'cadreA', 'skip', { id: 'c-team', reason: '再跳过一次' }))).toBe('TASK.CLOSED');
    expect(codeOf(await w.call(tasks, 'cadreA', 'skip', { id: 'c-team', reason: '跳' }))).toBe('COMMON.INVALID_INPUT');
  });

  it('of two at once, lets one through and tells the other it is closed', async () => {
    const slow = { ...w.deps, store: withLatency(w.store, 2) };
    const skip = (reason: string) =>
      tasks.invoke({ action: 'skip', input: { id: 'c-team', reason } }, { openid: 'wx-m-ca', source: 'client' }, slow);
    const answers = await Promise.all([skip('家里没人在'), skip('老人去女儿家了')]);
    expect(answers.map(codeOf).sort()).toEqual(['TASK.CLOSED', 'ok']);
    expect((await stored('c-team')).history.filter((e) => e.action === 'skip')).toHaveLength(1);
  });
});

describe('rescheduling a task', () => {
  it('moves its due date within 60 days from today, opening it again if it was overdue and escalated', async () => {
    expect(codeOf(await w.call(tasks, 'cadreA', 'reschedule', { id: 'c-team', dueDate: '2026-11-23', reason: '住院了' }))).toBe(
      'TASK.BAD_DATE',
    );
    expect(codeOf(await w.call(tasks, 'cadreA', 'reschedule', { id: 'c-team', dueDate: '2027-01-24', reason: '住院了' }))).toBe(
      'TASK.BAD_DATE',
    );
    expect(codeOf(await w.call(tasks, 'cadreA', 'reschedule', { id: 'c-team', dueDate: '2026-02-30', reason: '住院了' }))).toBe(
      'COMMON.INVALID_INPUT',
    );
    expect(dataOf(await w.call(tasks, 'cadreA', 'reschedule', { id: 'c-team', dueDate: '2027-01-23', reason: '住院了' }))).toMatchObject({
      dueDate: '2027-01-23',
      status: 'open',
    });
    const moved = dataOf(await w.call(tasks, 'cadreA', 'reschedule', { id: 'c-missed', dueDate: '2026-11-26', reason: '等出院再去' }));
    expect(moved).toMatchObject({ status: 'open', escalated: false, dueDate: '2026-11-26' });
  });
});

describe('completing a task no visit closes', () => {
  it('closes a follow-up, a township visit or caring for a cadre, but a household visit needs a visit logged', async () => {
    expect(codeOf(await w.call(tasks, 'cadreA', 'complete', { id: 'c-team', note: '已经去过了' }))).toBe('TASK.NEEDS_VISIT');
    expect(dataOf(await w.call(tasks, 'helperA', 'complete', { id: 'c-follow', note: '慢病证已经办下来了' }))).toMatchObject({
      status: 'done',
    });
    expect(dataOf(await w.call(tasks, 'office', 'complete', { id: 'c-care', note: '镇里去医院看望了' }))).toMatchObject({
      status: 'done',
    });
  });
});

describe('who may change a task', () => {
  it("is its assignee, the village's cadres for their team's, the township office for its own; for anyone else it is not found", async () => {
    const refusals: [Who, string, string][] = [
      [as('helperB'), 'skip', 'c-helper'],
      // The cadre may read a helper's task of the village, not change it.
      ['cadreA', 'skip', 'c-helper'],
      ['cadreB', 'skip', 'c-team'],
      ['office', 'skip', 'c-team'],
      [as('countyOffice'), 'complete', 'c-care'],
      [as('farOffice'), 'complete', 'c-care'],
      ['helperA', 'skip', 'c-team'],
      ['cadreA', 'skip', 'nothing'],
    ];
    for (const [who, action, id] of refusals) {
      const res = await w.call(tasks, who, action, { id, [action === 'complete' ? 'note' : 'reason']: '试一试别人的' });
      expect({ who, id, code: codeOf(res) }).toEqual({ who, id, code: 'TASK.NOT_FOUND' });
    }
    expect(codeOf(await w.call(tasks, 'villagerA', 'skip', { id: 'c-team', reason: '不用来了' }))).toBe('COMMON.FORBIDDEN');
    for (const id of ['c-team', 'c-helper', 'c-care']) expect((await stored(id)).status).toBe('open');
    expect(dataOf(await w.call(tasks, 'helperA', 'skip', { id: 'c-helper', reason: '户主住院了' })).status).toBe('skipped');
    expect(dataOf(await w.call(tasks, 'cadreA', 'skip', { id: 'c-team', reason: '户主住院了' })).status).toBe('skipped');
  });
});
