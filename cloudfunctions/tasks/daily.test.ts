import { MAX_PAGE } from '../core/ports/store';
import type { Deps } from '../core/handler/deps';
import type { EventRecord } from '../core/records';
import { mustVisitTasks } from '../core/domain/tasks';
import { visitPolicies } from '../core/domain/visit-policy';
import { dataOf, people, type World } from '../../test/support/world';
import { aHousehold, countReads, makeVisitWorld } from '../../test/support/visit-world';
import { withLatency } from '../../local/latency-store';
import { genOf } from './engine';
import { tasksHandler as tasks } from './handler';
import { markOverdue } from './sweep';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
});

/** 07:30 China time on `day`, when the timer fires. */
const morning = (day: string) => new Date(Date.parse(`${day}T07:30:00+08:00`)).toISOString();
const run = async (deps: Deps = w.deps) =>
  dataOf(await tasks.invoke({}, { openid: null, source: 'timer', trigger: 'daily' }, deps)) as Record<string, number>;
/** The store as CloudBase makes it feel, so that two runs at once really interleave their reads and writes. */
const slowed = () => ({ ...w.deps, store: withLatency(w.store, 1) });
const counts = async () => ({ tasks: await w.store.collection('tasks').count({}), inbox: await w.store.collection('inbox').count({}) });
const inboxOf = (memberId: string) => w.store.collection('inbox').find({ to: memberId });

describe('the daily task timer (07:30)', () => {
  it("makes the period's tasks for every household and paired helper, and a digest for each bound cadre with work this week", async () => {
    w.clock.set(morning('2026-11-24'));
    expect(await run()).toEqual({ counties: 1, villages: 3, households: 3, created: 4, overdue: 0, escalated: 0, digests: 3 });
    const made = await w.store.collection('tasks').find({ countyId: 'c-qinghe', status: 'open', dueDate: { $lte: '2026-12-31' } });
    expect(made.map((t) => [t.kind, t.assignee, t.householdId, t.windowStart, t.dueDate]).sort()).toEqual([
      ['helper', 'm-ha', 'h-a1', '2026-11-01', '2026-12-31'],
      ['routine', 'village:v-far', 'h-x1', '2026-11-01', '2026-11-30'],
      ['routine', 'village:v-liuxi', 'h-b1', '2026-11-01', '2026-11-30'],
      ['routine', 'village:v-xinghua', 'h-a1', '2026-11-01', '2026-11-30'],
    ]);
    const [digest] = await inboxOf('m-ca');
    expect(digest).toMatchObject({ title: '今日走访提醒', body: '本周有 1 户要走访', link: '/visit/tasks/index' });
    expect(digest.dedupeKey).toBe('task-digest:m-ca:2026-11-24');
    // The helper's visit is due at the end of December: nothing to say today. Nobody else hears anything.
    expect(await inboxOf('m-ha')).toEqual([]);
    expect((await w.store.collection('inbox').find({ to: { $in: ['m-va', 'm-of', 'm-oc', 'm-hb'] } })).length).toBe(0);
  });

  it('makes and sends nothing more when run again, or twice at once', async () => {
    w.clock.set(morning('2026-11-24'));
    await run();
    const once = await counts();
    expect(await run()).toMatchObject({ created: 0, digests: 0 });
    expect(await counts()).toEqual(once);

    w.clock.set(morning('2026-12-01'));
    const [a, b] = await Promise.all([run(slowed()), run(slowed())]);
    expect(a.created + b.created).toBe(3);
    const twice = await counts();
    // December's three routine visits, and one digest each for the three cadres.
    expect(twice).toEqual({ tasks: once.tasks + 3, inbox: once.inbox + 3 });
    await Promise.all([run(slowed()), run(slowed())]);
    expect(await counts()).toEqual(twice);
  });

  it('sends each person one digest a day', async () => {
    for (const day of ['2026-11-24', '2026-11-24', '2026-11-25', '2026-11-25', '2026-11-26']) {
      w.clock.set(morning(day));
      await run();
    }
    expect((await inboxOf('m-ca')).map((m) => m.dedupeKey).sort()).toEqual([
      'task-digest:m-ca:2026-11-24',
      'task-digest:m-ca:2026-11-25',
      'task-digest:m-ca:2026-11-26',
    ]);
  });

  it('counts households for the digest: today, overdue and later this week', async () => {
    w.clock.set(morning('2026-11-24'));
    await run();
    await w.call(tasks, 'villagerA', 'reportEvent', { event: 'serious_illness', note: '老人住院了' });
    w.clock.set(morning('2026-12-01'));
    await run();
    const latest = (await inboxOf('m-ca')).find((m) => m.dedupeKey === 'task-digest:m-ca:2026-12-01')!;
    // 王建国's household: November's visit overdue, the must-visit overdue; December's visit later on.
    expect(latest.body).toBe('今天有 1 户要走访，1 户已逾期');
  });

  it('marks open tasks past their due date overdue, once', async () => {
    w.clock.set(morning('2026-11-24'));
    await run();
    w.clock.set(morning('2026-12-02'));
    expect(await run()).toMatchObject({ overdue: 3 });
    expect(await run()).toMatchObject({ overdue: 0 });
    const november = await w.store.collection('tasks').find({ countyId: 'c-qinghe', status: 'overdue' });
    expect(november.map((t) => t.dueDate)).toEqual(['2026-11-30', '2026-11-30', '2026-11-30']);
    for (const t of november) expect(t.history.map((e) => e.action)).toEqual(['create', 'overdue']);
  });

  it("never writes a stale read over a person's change: a task moved after the timer read it stays moved", async () => {
    w.clock.set(morning('2026-11-24'));
    await run();
    const [read] = await w.store.collection('tasks').find({ assignee: 'village:v-xinghua', kind: 'routine' });
    w.clock.set(morning('2026-12-02'));
    dataOf(await w.call(tasks, 'cadreA', 'reschedule', { id: read._id, dueDate: '2026-12-05', reason: '户主外出，下周回来' }));
    expect(await markOverdue(w.deps, [read], genOf(new Date(morning('2026-12-02'))))).toBe(0);
    expect(await w.store.collection('tasks').get(read._id)).toMatchObject({ status: 'open', dueDate: '2026-12-05' });
  });

  it('marks each overdue task once when two runs mark it at the same moment', async () => {
    w.clock.set(morning('2026-11-24'));
    await run();
    w.clock.set(morning('2026-12-02'));
    const [a, b] = await Promise.all([run(slowed()), run(slowed())]);
    expect(a.overdue + b.overdue).toBe(3);
    for (const t of await w.store.collection('tasks').find({ countyId: 'c-qinghe', status: 'overdue' })) {
      expect(t.history.map((e) => e.action)).toEqual(['create', 'overdue']);
    }
  });
});

describe('escalation of a missed must-visit', () => {
  const report = async () => dataOf(await w.call(tasks, 'villagerA', 'reportEvent', { event: 'serious_illness', note: '老人住院了' }));

  it('goes to the township office once the deadline has passed, once, however often the timer runs', async () => {
    await report();
    w.clock.set(morning('2026-11-27'));
    expect(await run()).toMatchObject({ escalated: 0 });
    expect(await inboxOf('m-of')).toEqual([]);

    w.clock.set(morning('2026-11-28'));
    const [a, b] = await Promise.all([run(slowed()), run(slowed())]);
    // The cadre team's and the helper's must-visit, each passed up once.
    expect(a.escalated + b.escalated).toBe(2);
    expect(await run()).toMatchObject({ escalated: 0 });
    const told = await inboxOf('m-of');
    expect(told).toHaveLength(2);
    expect(told[0]).toMatchObject({ title: '必访逾期未办', link: expect.stringMatching(/^\/visit\/task\/index\?id=/) });
    expect(told[0].body).toContain('杏花村王建国户的必访');
    const missed = await w.store.collection('tasks').find({ householdId: 'h-a1', status: 'overdue', urgent: true });
    expect(missed.map((t) => [t.escalatedAt, t.history.filter((e) => e.action === 'escalate').length])).toEqual([
      [morning('2026-11-28'), 1],
      [morning('2026-11-28'), 1],
    ]);
    // The office sees both on its list, escalated.
    const list = dataOf(await w.call(tasks, 'office', 'list', { tab: 'overdue' }));
    expect(list.items.filter((t: { escalated: boolean }) => t.escalated)).toHaveLength(2);
  });

  it('goes to the county office when the township has no office user', async () => {
    await w.store.collection('members').remove('m-of2');
    dataOf(await w.call(tasks, 'wx-m-cf', 'reportEvent', { householdId: 'h-x1', event: 'wedding_funeral', note: '老人过世了' }));
    w.clock.set(morning('2026-11-28'));
    expect(await run()).toMatchObject({ escalated: 1 });
    expect(await inboxOf('m-oc')).toEqual([expect.objectContaining({ title: '必访逾期未办' })]);
    expect(await inboxOf('m-of')).toEqual([]);
  });

  it('tells every office user of the township', async () => {
    await w.store.collection('members').add({ ...people.office, _id: 'm-of3', name: '孙副主任', openid: 'wx-m-of3' });
    await report();
    w.clock.set(morning('2026-11-28'));
    expect(await run()).toMatchObject({ escalated: 2 });
    expect(await inboxOf('m-of')).toHaveLength(2);
    expect(await inboxOf('m-of3')).toHaveLength(2);
  });

  it('passes up every missed must-visit of a county, more than one read holds', async () => {
    const missed = MAX_PAGE + 20;
    const g = genOf(new Date('2026-11-24T02:00:00.000Z'));
    for (let i = 0; i < missed; i++) {
      const householdId = `h-ill-${String(i).padStart(3, '0')}`;
      await w.store.collection('households').add(aHousehold({ _id: householdId }));
      const event: EventRecord = {
        _id: `e-ill-${i}`,
        kind: 'household',
        event: 'serious_illness',
        householdId,
        memberId: null,
        villageId: 'v-xinghua',
        townshipId: 't-shiqiao',
        countyId: 'c-qinghe',
        note: '老人住院了',
        reportedBy: 'm-va',
        createdAt: g.now,
      };
      for (const t of mustVisitTasks(event, [], visitPolicies['hebei-2018'], g)) await w.store.collection('tasks').add(t);
    }
    const spy = countReads(w.store);
    w.clock.set(morning('2026-11-28'));
    expect(await run({ ...w.deps, store: spy.store })).toMatchObject({ escalated: missed });
    expect(Math.max(...spy.reads)).toBeLessThanOrEqual(MAX_PAGE);
    expect(await w.store.collection('inbox').count({ to: 'm-of' })).toBe(missed);
  });

  it('does not pass up a must-visit that was done or moved', async () => {
    await report();
    const [team] = await w.store.collection('tasks').find({ assignee: 'village:v-xinghua', status: 'open' });
    dataOf(await w.call(tasks, 'cadreA', 'reschedule', { id: team._id, dueDate: '2026-12-05', reason: '等出院再去看望' }));
    dataOf(
      await w.call(tasks, 'helperA', 'skip', {
        id: (await w.store.collection('tasks').find({ assignee: 'm-ha' }))[0]._id,
        reason: '已经电话问过了',
      }),
    );
    w.clock.set(morning('2026-11-28'));
    expect(await run()).toMatchObject({ escalated: 0 });
    expect(await inboxOf('m-of')).toEqual([]);
  });
});

describe('the timer over a large village', () => {
  it('never reads more than 100 documents at once, and its reads grow with the households', async () => {
    const readsFor = async (households: number) => {
      w = await makeVisitWorld();
      for (let i = 0; i < households; i++) {
        await w.store.collection('households').add(aHousehold({ _id: `h-big-${String(i).padStart(4, '0')}`, address: `五组 ${i + 1} 号` }));
      }
      const spy = countReads(w.store);
      w.clock.set(morning('2026-11-24'));
      const answer = await run({ ...w.deps, store: spy.store });
      expect(answer).toMatchObject({ households: households + 3, created: households + 4 });
      expect(Math.max(...spy.reads)).toBeLessThanOrEqual(MAX_PAGE);
      expect(await w.store.collection('tasks').count({ assignee: 'village:v-xinghua' })).toBe(households + 1);
      return spy.reads.length;
    };
    const small = await readsFor(250);
    const large = await readsFor(500);
    expect(large).toBeLessThan(small * 2.2);
    expect(large).toBeGreaterThan(small);
  });
});
