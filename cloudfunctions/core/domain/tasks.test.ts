import type { HouseholdCategory, TaskKind, TaskStatus, TaskTab } from '../../../types';
import { hashId } from '../ids';
import type { TaskRecord } from '../records';
import { aGen, aHelper, aHousehold, aTask, aVisit, anEvent } from './domain.fixtures';
import {
  careTask,
  changeTask,
  compareTasks,
  digest,
  digestText,
  effectiveStatus,
  followUpId,
  followUpTask,
  helperTasks,
  householdTasks,
  inTab,
  isTaskChangeError,
  mustVisitTasks,
  needsEscalation,
  resolves,
  townshipTasks,
  type ResolvingVisit,
  type TaskAction,
} from './tasks';
import { visitPolicies } from './visit-policy';

const hebei = visitPolicies['hebei-2018'];
const shanxi = visitPolicies['shanxi-2022'];

/** What a task list row comes down to in these tables. */
const brief = (t: TaskRecord) => [t.kind, t.windowStart, t.dueDate] as const;

describe('householdTasks: the village cadre team’s routine visits, table by table', () => {
  type Row = [HouseholdCategory, boolean, string, (readonly [TaskKind, string, string])[]];

  // hebei-2018 (seed 000 §一.1): 脱贫户 and 监测户 monthly; nothing routine for other households.
  it.each<Row>([
    ['lifted', false, '2026-03-10', [['routine', '2026-03-01', '2026-03-31']]],
    ['monitored', false, '2026-03-31', [['routine', '2026-03-01', '2026-03-31']]],
    ['lifted', false, '2026-04-01', [['routine', '2026-04-01', '2026-04-30']]],
    ['monitored', false, '2026-02-28', [['routine', '2026-02-01', '2026-02-28']]],
    ['lifted', false, '2028-02-29', [['routine', '2028-02-01', '2028-02-29']]],
    ['lifted', false, '2026-12-31', [['routine', '2026-12-01', '2026-12-31']]],
    ['lifted', true, '2026-03-15', [['phone', '2026-03-01', '2026-03-31']]],
    ['monitored', true, '2028-02-29', [['phone', '2028-02-01', '2028-02-29']]],
    ['ordinary', false, '2026-03-10', []],
    ['ordinary', true, '2026-03-10', []],
  ])('hebei-2018: %s, livesAway %s, on %s', (category, livesAway, today, expected) => {
    expect(householdTasks(aHousehold({ category, livesAway }), hebei, aGen(today)).map(brief)).toEqual(expected);
  });

  // shanxi-2022 (seed 002 §一(一)): half-monthly / monthly in the village, every two months by phone when away.
  it.each<Row>([
    ['lifted', false, '2026-03-01', [['routine', '2026-03-01', '2026-03-15']]],
    ['lifted', false, '2026-03-15', [['routine', '2026-03-01', '2026-03-15']]],
    ['monitored', false, '2026-03-16', [['routine', '2026-03-16', '2026-03-31']]],
    ['lifted', false, '2026-03-31', [['routine', '2026-03-16', '2026-03-31']]],
    ['lifted', false, '2026-02-28', [['routine', '2026-02-16', '2026-02-28']]],
    ['monitored', false, '2028-02-29', [['routine', '2028-02-16', '2028-02-29']]],
    ['lifted', false, '2028-02-15', [['routine', '2028-02-01', '2028-02-15']]],
    ['lifted', false, '2026-04-30', [['routine', '2026-04-16', '2026-04-30']]],
    ['ordinary', false, '2026-03-16', [['routine', '2026-03-01', '2026-03-31']]],
    ['ordinary', false, '2028-02-29', [['routine', '2028-02-01', '2028-02-29']]],
    ['ordinary', true, '2026-03-16', [['phone', '2026-03-01', '2026-04-30']]],
    ['lifted', true, '2026-12-31', [['phone', '2026-11-01', '2026-12-31']]],
    ['monitored', true, '2026-01-31', [['phone', '2026-01-01', '2026-02-28']]],
    ['lifted', true, '2028-02-29', [['phone', '2028-01-01', '2028-02-29']]],
  ])('shanxi-2022: %s, livesAway %s, on %s', (category, livesAway, today, expected) => {
    expect(householdTasks(aHousehold({ category, livesAway }), shanxi, aGen(today)).map(brief)).toEqual(expected);
  });

  it('festival visits for 脱贫户 and 监测户 in the 10 days before a festival, beside the routine visit', () => {
    // 春节 2026-02-17: window 02-07 … 02-16.
    expect(householdTasks(aHousehold(), hebei, aGen('2026-02-10')).map(brief)).toEqual([
      ['routine', '2026-02-01', '2026-02-28'],
      ['festival', '2026-02-07', '2026-02-16'],
    ]);
    expect(householdTasks(aHousehold({ category: 'monitored' }), shanxi, aGen('2026-02-16')).map(brief)).toEqual([
      ['routine', '2026-02-16', '2026-02-28'],
      ['festival', '2026-02-07', '2026-02-16'],
    ]);
    // 中秋 2025-10-06: the window crosses the month end.
    expect(householdTasks(aHousehold(), hebei, aGen('2025-09-30')).map(brief)).toEqual([
      ['routine', '2025-09-01', '2025-09-30'],
      ['festival', '2025-09-26', '2025-10-05'],
    ]);
  });

  it('a family living away still gets the festival visit: 春节 is when they come home', () => {
    expect(householdTasks(aHousehold({ livesAway: true }), hebei, aGen('2026-02-10')).map((t) => t.kind)).toEqual(['phone', 'festival']);
  });

  it.each([
    ['on the festival itself', '2026-02-17'],
    ['the day before the window', '2026-02-06'],
  ])('no festival visit %s (%s)', (_, day) => {
    expect(householdTasks(aHousehold(), hebei, aGen(day)).map((t) => t.kind)).toEqual(['routine']);
  });

  it('no festival visit for other households', () => {
    expect(householdTasks(aHousehold({ category: 'ordinary' }), shanxi, aGen('2026-02-10')).map((t) => t.kind)).toEqual(['routine']);
  });

  it('a household matching several rules follows the first, so it never gets two routine visits', () => {
    const policy = {
      ...hebei,
      cadre: [
        { categories: ['lifted' as const], livesAway: null, every: { unit: 'half_month' as const, count: 1 } },
        { categories: ['lifted' as const, 'monitored' as const], livesAway: false, every: { unit: 'month' as const, count: 1 } },
      ],
    };
    expect(householdTasks(aHousehold(), policy, aGen('2026-03-20')).map(brief)).toEqual([['routine', '2026-03-16', '2026-03-31']]);
    expect(householdTasks(aHousehold({ category: 'monitored' }), policy, aGen('2026-03-20')).map(brief)).toEqual([
      ['routine', '2026-03-01', '2026-03-31'],
    ]);
  });

  it('fills in the whole record', () => {
    const g = aGen('2026-02-10');
    const [routine, festival] = householdTasks(aHousehold({ id: 'h7', villageId: 'v2', townshipId: 't2', countyId: 'c2' }), hebei, g);
    expect(routine).toEqual({
      _id: '#routine:h7:village:v2:2026-02-01',
      kind: 'routine',
      assignee: 'village:v2',
      villageId: 'v2',
      townshipId: 't2',
      countyId: 'c2',
      householdId: 'h7',
      subjectMemberId: null,
      windowStart: '2026-02-01',
      dueDate: '2026-02-28',
      status: 'open',
      urgent: false,
      title: '例行走访（2026年2月）',
      note: null,
      sourceId: null,
      policyId: 'hebei-2018',
      visitId: null,
      escalatedAt: null,
      history: [{ at: g.now, by: 'system', action: 'create', note: null }],
      createdAt: g.now,
      updatedAt: g.now,
    });
    expect(g.now).toBe('2026-02-09T23:30:00.000Z');
    expect(festival).toMatchObject({
      _id: '#festival:h7:village:v2:2026-02-07',
      title: '春节前慰问（2026年2月17日）',
      assignee: 'village:v2',
      urgent: false,
    });
    expect(householdTasks(aHousehold(), shanxi, aGen('2026-03-16'))[0].title).toBe('例行走访（2026年3月下半月）');
    expect(householdTasks(aHousehold({ livesAway: true }), shanxi, aGen('2026-03-16'))[0].title).toBe('电话回访（2026年3–4月）');
  });
});

describe('deterministic ids', () => {
  const h = aHousehold();
  const ids = (today: string, policy = shanxi) => householdTasks(h, policy, aGen(today, hashId)).map((t) => t._id);

  it('generating twice gives the same ids', () => {
    expect(ids('2026-02-10')).toEqual(ids('2026-02-10'));
    expect(ids('2026-02-10')[0]).toMatch(/^[0-9a-f]{32}$/);
  });
  it('any day of the same period gives the same id', () => {
    expect(ids('2026-03-01')).toEqual(ids('2026-03-15'));
    expect(ids('2026-03-16')).toEqual(ids('2026-03-31'));
  });
  it('another period, household, assignee or kind gives another id', () => {
    const all = [
      ids('2026-03-15')[0],
      ids('2026-03-16')[0],
      ids('2026-04-01')[0],
      householdTasks(aHousehold({ id: 'h2' }), shanxi, aGen('2026-03-15', hashId))[0]._id,
      householdTasks(aHousehold({ livesAway: true }), shanxi, aGen('2026-03-01', hashId))[0]._id,
      helperTasks(aHelper(), new Map([['h1', h]]), shanxi, aGen('2026-03-01', hashId))[0]._id,
    ];
    expect(new Set(all).size).toBe(all.length);
  });
  it('a must-visit is one per event and assignee', () => {
    const g = aGen('2026-03-10', hashId);
    const first = mustVisitTasks(anEvent(), ['m-helper'], hebei, g).map((t) => t._id);
    expect(mustVisitTasks(anEvent(), ['m-helper'], hebei, g).map((t) => t._id)).toEqual(first);
    const other = mustVisitTasks(anEvent({ _id: 'ev-2' }), ['m-helper'], hebei, g).map((t) => t._id);
    expect(new Set([...first, ...other]).size).toBe(4);
  });
});

describe('helperTasks', () => {
  const households = new Map([
    ['h1', aHousehold()],
    ['h2', aHousehold({ id: 'h2', category: 'ordinary', livesAway: true, villageId: 'v2' })],
  ]);
  it.each<[boolean, string, string, string]>([
    [false, '2026-01-01', '2026-01-01', '2026-02-28'],
    [false, '2026-03-10', '2026-03-01', '2026-04-30'],
    [false, '2028-02-29', '2028-01-01', '2028-02-29'],
    [false, '2026-12-31', '2026-11-01', '2026-12-31'],
    [true, '2026-03-10', '2026-01-01', '2026-04-30'],
    [true, '2026-05-01', '2026-05-01', '2026-08-31'],
    [true, '2026-12-31', '2026-09-01', '2026-12-31'],
  ])('pairedByOffice %s, on %s: %s … %s (both presets)', (pairedByOffice, today, start, end) => {
    for (const policy of [hebei, shanxi]) {
      const tasks = helperTasks(aHelper({ pairedHouseholdIds: ['h1', 'h2'], pairedByOffice }), households, policy, aGen(today));
      expect(tasks.map((t) => [t.householdId, ...brief(t)])).toEqual([
        ['h1', 'helper', start, end],
        ['h2', 'helper', start, end],
      ]);
    }
  });

  it('assigned to the helper, in the household’s village', () => {
    const [, t] = helperTasks(aHelper({ pairedHouseholdIds: ['h1', 'h2'] }), households, hebei, aGen('2026-03-10'));
    expect(t).toMatchObject({ assignee: 'm-helper', villageId: 'v2', householdId: 'h2', title: '结对走访（2026年3–4月）' });
    expect(t._id).toBe('#helper:h2:m-helper:2026-03-01');
  });

  it('leaves out households it does not know and counts a household once', () => {
    const tasks = helperTasks(aHelper({ pairedHouseholdIds: ['h1', 'gone', 'h1'] }), households, hebei, aGen('2026-03-10'));
    expect(tasks.map((t) => t.householdId)).toEqual(['h1']);
  });
});

describe('townshipTasks', () => {
  const village = { id: 'v1', townshipId: 't1', countyId: 'c1' };
  it('none under hebei-2018', () => {
    expect(townshipTasks(village, hebei, aGen('2026-03-10'))).toEqual([]);
  });
  it.each([
    ['2026-03-10', '2026-03-01', '2026-03-31'],
    ['2026-02-28', '2026-02-01', '2026-02-28'],
    ['2028-02-29', '2028-02-01', '2028-02-29'],
  ])('shanxi-2022: one visit per village per month (%s)', (today, start, end) => {
    const tasks = townshipTasks(village, shanxi, aGen(today));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      _id: `#township:v1:township:t1:${start}`,
      kind: 'township',
      assignee: 'township:t1',
      householdId: null,
      villageId: 'v1',
      windowStart: start,
      dueDate: end,
      urgent: false,
      policyId: 'shanxi-2022',
    });
  });
});

describe('mustVisitTasks (四必访)', () => {
  it('the village team and each paired helper, urgent, due in mustVisitDays', () => {
    const g = aGen('2026-03-10');
    const tasks = mustVisitTasks(anEvent(), ['m-helper', 'm-helper-2'], hebei, g);
    expect(tasks.map((t) => t.assignee)).toEqual(['village:v1', 'm-helper', 'm-helper-2']);
    for (const t of tasks) {
      expect(t).toMatchObject({
        kind: 'must_visit',
        householdId: 'h1',
        windowStart: '2026-03-10',
        dueDate: '2026-03-13',
        urgent: true,
        title: '重大疾病：住院了',
        note: '住院了',
        sourceId: 'ev-1',
        status: 'open',
      });
      expect(t.history).toEqual([{ at: g.now, by: 'm-villager', action: 'create', note: null }]);
    }
    expect(tasks[0]._id).toBe('#must_visit:h1:village:v1:ev-1');
  });

  it.each([
    ['2026-02-27', '2026-03-02'],
    ['2028-02-27', '2028-03-01'],
    ['2026-12-30', '2027-01-02'],
  ])('reported on %s, due %s', (today, due) => {
    expect(mustVisitTasks(anEvent(), [], shanxi, aGen(today))[0].dueDate).toBe(due);
  });

  it('follows the policy’s number of days', () => {
    expect(mustVisitTasks(anEvent(), [], { ...hebei, mustVisitDays: 1 }, aGen('2026-03-10'))[0].dueDate).toBe('2026-03-11');
  });

  it('a helper named twice gets one task', () => {
    expect(mustVisitTasks(anEvent(), ['m-helper', 'm-helper'], hebei, aGen('2026-03-10'))).toHaveLength(2);
  });

  it('keeps a long note whole and the title short', () => {
    const note = '老人突发脑梗住进县医院，家里只剩两个孩子没人照看，需要帮忙联系报销和临时救助，越快越好谢谢';
    const [t] = mustVisitTasks(anEvent({ event: 'family_change', note }), [], hebei, aGen('2026-03-10'));
    expect(t.note).toBe(note);
    expect(t.title).toBe(`家庭变故：${note.slice(0, 30)}…`);
  });

  it('none for a cadre event', () => {
    expect(
      mustVisitTasks(anEvent({ kind: 'cadre', householdId: null, memberId: 'm-cadre' }), ['m-helper'], hebei, aGen('2026-03-10')),
    ).toEqual([]);
  });
});

describe('careTask (caring for cadres)', () => {
  const event = anEvent({
    kind: 'cadre',
    event: 'hospitalised',
    householdId: null,
    memberId: 'm-cadre',
    note: '阑尾炎手术',
    reportedBy: 'm-cadre-2',
  });
  it('the township office, urgent, due in cadreCareDays', () => {
    const g = aGen('2026-03-28');
    expect(careTask(event, hebei, g)).toMatchObject({
      _id: '#care:m-cadre:township:t1:ev-1',
      kind: 'care',
      assignee: 'township:t1',
      householdId: null,
      subjectMemberId: 'm-cadre',
      windowStart: '2026-03-28',
      dueDate: '2026-04-04',
      urgent: true,
      title: '生病住院：阑尾炎手术',
      sourceId: 'ev-1',
      history: [{ at: g.now, by: 'm-cadre-2', action: 'create', note: null }],
    });
  });
  it('refuses a household event', () => {
    expect(() => careTask(anEvent(), hebei, aGen('2026-03-28'))).toThrow();
  });
});

describe('follow-ups', () => {
  it('one per problem, for its owner, due its due date, with the id the visit recorded', () => {
    const id = followUpId('visit-1', 0, hashId);
    expect(id).toBe(followUpId('visit-1', 0, hashId));
    expect(id).not.toBe(followUpId('visit-1', 1, hashId));
    expect(id).not.toBe(followUpId('visit-2', 0, hashId));
    const problem = { text: '医保报销没到账', ownerId: 'm-helper', dueDate: '2026-03-17', followUpId: id };
    const g = aGen('2026-03-10');
    expect(followUpTask(aVisit({ problems: [problem] }), problem, g)).toMatchObject({
      _id: id,
      kind: 'follow_up',
      assignee: 'm-helper',
      householdId: 'h1',
      windowStart: '2026-03-10',
      dueDate: '2026-03-17',
      urgent: false,
      title: '医保报销没到账',
      sourceId: 'visit-1',
      history: [{ at: g.now, by: 'm-cadre', action: 'create', note: null }],
    });
  });
  it('a due date before the visit day opens the window on it', () => {
    const problem = { text: '补交材料', ownerId: 'm-cadre', dueDate: '2026-03-08', followUpId: 'f' };
    expect(followUpTask(aVisit(), problem, aGen('2026-03-10')).windowStart).toBe('2026-03-08');
  });
});

describe('effectiveStatus', () => {
  it.each<[TaskStatus, string, TaskStatus]>([
    ['open', '2026-03-11', 'open'],
    ['open', '2026-03-10', 'open'], // due today is still on time
    ['open', '2026-03-09', 'overdue'],
    ['overdue', '2026-03-09', 'overdue'],
    ['done', '2026-03-01', 'done'],
    ['skipped', '2026-03-01', 'skipped'],
  ])('%s due %s on 2026-03-10 reads %s', (status, dueDate, expected) => {
    expect(effectiveStatus({ status, dueDate }, '2026-03-10')).toBe(expected);
  });
});

describe('compareTasks: overdue first, then urgent, then due date', () => {
  it('orders a cadre’s list', () => {
    const today = '2026-03-10';
    const tasks = [
      aTask({ _id: 'later', dueDate: '2026-03-31' }),
      aTask({ _id: 'soon', dueDate: '2026-03-15' }),
      aTask({ _id: 'must-late', kind: 'must_visit', urgent: true, dueDate: '2026-03-12' }),
      aTask({ _id: 'must-early', kind: 'must_visit', urgent: true, dueDate: '2026-03-11' }),
      aTask({ _id: 'overdue-stored', status: 'overdue', dueDate: '2026-03-05' }),
      aTask({ _id: 'overdue-read', dueDate: '2026-03-09' }),
      aTask({ _id: 'overdue-urgent', kind: 'must_visit', urgent: true, dueDate: '2026-03-09' }),
      aTask({ _id: 'b-tie', dueDate: '2026-03-15' }),
    ];
    expect([...tasks].sort((a, b) => compareTasks(a, b, today)).map((t) => t._id)).toEqual([
      'overdue-urgent',
      'overdue-stored',
      'overdue-read',
      'must-early',
      'must-late',
      'b-tie',
      'soon',
      'later',
    ]);
  });
  it('is a total order: antisymmetric, zero only for the same id', () => {
    const a = aTask({ _id: 'a' });
    const b = aTask({ _id: 'b' });
    expect(compareTasks(a, b, '2026-03-10')).toBeLessThan(0);
    expect(compareTasks(b, a, '2026-03-10')).toBeGreaterThan(0);
    expect(compareTasks(a, a, '2026-03-10')).toBe(0);
  });
});

describe('inTab', () => {
  const today = '2026-03-10';
  const rows: [string, Partial<TaskRecord>, Record<TaskTab, boolean>][] = [
    ['due today', { dueDate: '2026-03-10' }, { today: true, week: true, overdue: false, all: true }],
    ['due tomorrow', { dueDate: '2026-03-11' }, { today: false, week: true, overdue: false, all: true }],
    ['due in 6 days', { dueDate: '2026-03-16' }, { today: false, week: true, overdue: false, all: true }],
    ['due in 7 days', { dueDate: '2026-03-17' }, { today: false, week: false, overdue: false, all: true }],
    ['past due, still open', { dueDate: '2026-03-09' }, { today: true, week: true, overdue: true, all: true }],
    ['marked overdue', { status: 'overdue', dueDate: '2026-03-01' }, { today: true, week: true, overdue: true, all: true }],
    ['urgent, due later', { urgent: true, dueDate: '2026-03-13' }, { today: true, week: true, overdue: false, all: true }],
    ['urgent, due in 3 weeks', { urgent: true, dueDate: '2026-03-31' }, { today: true, week: true, overdue: false, all: true }],
    ['done', { status: 'done', dueDate: '2026-03-09' }, { today: false, week: false, overdue: false, all: false }],
    ['skipped', { status: 'skipped', dueDate: '2026-03-10', urgent: true }, { today: false, week: false, overdue: false, all: false }],
  ];
  it.each(rows)('%s', (_, over, expected) => {
    const t = aTask(over);
    for (const tab of ['today', 'week', 'overdue', 'all'] as const) expect([tab, inTab(t, tab, today)]).toEqual([tab, expected[tab]]);
  });
  it('the week ends six days on, across a month end', () => {
    expect(inTab(aTask({ dueDate: '2026-04-02' }), 'week', '2026-03-27')).toBe(true);
    expect(inTab(aTask({ dueDate: '2026-04-03' }), 'week', '2026-03-27')).toBe(false);
    expect(inTab(aTask({ dueDate: '2028-03-05' }), 'week', '2028-02-28')).toBe(true);
    expect(inTab(aTask({ dueDate: '2028-03-06' }), 'week', '2028-02-28')).toBe(false);
  });
});

describe('resolves: which visit settles which task', () => {
  const cadreVisit: ResolvingVisit = {
    householdId: 'h1',
    visitorId: 'm-cadre',
    visitorRole: 'cadre',
    villageId: 'v1',
    mode: 'in_person',
    visitedOn: '2026-03-10',
  };
  const helperVisit: ResolvingVisit = { ...cadreVisit, visitorId: 'm-helper', visitorRole: 'helper' };
  const team = { assignee: 'village:v1' };
  const mine = { assignee: 'm-helper' };

  it.each<[string, Partial<TaskRecord>, ResolvingVisit, boolean, boolean]>([
    ['a cadre’s visit, the team’s routine task', { kind: 'routine', ...team }, cadreVisit, false, true],
    ['a cadre’s visit, another village’s team task', { kind: 'routine', assignee: 'village:v2' }, cadreVisit, false, false],
    ['a cadre’s visit, a helper’s task', { kind: 'helper', ...mine }, cadreVisit, false, false],
    ['a helper’s visit, their own task', { kind: 'helper', ...mine }, helperVisit, false, true],
    ['a helper’s visit, another helper’s task', { kind: 'helper', assignee: 'm-helper-2' }, helperVisit, false, false],
    ['a helper’s visit, the team’s task', { kind: 'routine', ...team }, helperVisit, false, false],
    ['a helper’s visit, their must-visit', { kind: 'must_visit', urgent: true, ...mine }, helperVisit, false, true],
    ['an office’s visit', { kind: 'routine', ...team }, { ...cadreVisit, visitorRole: 'office' }, false, false],
    ['another household', { kind: 'routine', ...team, householdId: 'h2' }, cadreVisit, false, false],
    ['a township task (no household)', { kind: 'township', ...team, householdId: null }, cadreVisit, false, false],
    ['in person: must-visit', { kind: 'must_visit', urgent: true, ...team }, cadreVisit, false, true],
    ['in person: festival', { kind: 'festival', ...team }, cadreVisit, false, true],
    ['in person: phone task', { kind: 'phone', ...team }, cadreVisit, false, true],
    ['in person: follow-up is closed by complete, not a visit', { kind: 'follow_up', assignee: 'm-cadre' }, cadreVisit, false, false],
    ['in person: care task', { kind: 'care', ...team }, cadreVisit, false, false],
    ['by phone: phone task', { kind: 'phone', ...team }, { ...cadreVisit, mode: 'phone' }, false, true],
    ['by phone: routine task', { kind: 'routine', ...team }, { ...cadreVisit, mode: 'phone' }, false, false],
    ['by phone: must-visit', { kind: 'must_visit', urgent: true, ...team }, { ...cadreVisit, mode: 'phone' }, false, false],
    ['by phone: festival', { kind: 'festival', ...team }, { ...cadreVisit, mode: 'phone' }, true, false],
    ['by phone: helper task, family at home', { kind: 'helper', ...mine }, { ...helperVisit, mode: 'phone' }, false, false],
    ['by phone: helper task, family living away', { kind: 'helper', ...mine }, { ...helperVisit, mode: 'phone' }, true, true],
    ['done already', { kind: 'routine', ...team, status: 'done' }, cadreVisit, false, false],
    ['skipped', { kind: 'routine', ...team, status: 'skipped' }, cadreVisit, false, false],
    ['overdue', { kind: 'routine', ...team, status: 'overdue', dueDate: '2026-02-28' }, cadreVisit, false, true],
    ['open past due (a late visit still counts)', { kind: 'routine', ...team, dueDate: '2026-03-05' }, cadreVisit, false, true],
    ['visit on the window’s first day', { kind: 'routine', ...team, windowStart: '2026-03-10' }, cadreVisit, false, true],
    ['visit before the window opened', { kind: 'routine', ...team, windowStart: '2026-03-11' }, cadreVisit, false, false],
    [
      'a February visit logged late for a March task',
      { kind: 'routine', ...team },
      { ...cadreVisit, visitedOn: '2026-02-28' },
      false,
      false,
    ],
  ])('%s', (_, over, visit, livesAway, expected) => {
    expect(resolves(aTask(over), visit, livesAway)).toBe(expected);
  });
});

describe('changeTask', () => {
  const today = '2026-03-10';
  const at = '2026-03-10T03:00:00.000Z';
  const frozen = (t: TaskRecord): TaskRecord => {
    Object.freeze(t.history);
    t.history.forEach((e) => Object.freeze(e));
    return Object.freeze(t);
  };

  it('done: closes it with the visit, appends the history', () => {
    const t = frozen(aTask());
    const before = structuredClone(t);
    const r = changeTask(t, { kind: 'done', by: 'm-cadre', at, note: null, visitId: 'visit-9' }, today);
    expect(t).toEqual(before);
    expect(r).toEqual({
      ...before,
      status: 'done',
      visitId: 'visit-9',
      updatedAt: at,
      history: [...before.history, { at, by: 'm-cadre', action: 'done', note: null }],
    });
  });

  it('done without a visit id', () => {
    const r = changeTask(aTask(), { kind: 'done', by: 'm-cadre', at, note: '已入户' }, today) as TaskRecord;
    expect(r.visitId).toBeNull();
    expect(r.history.at(-1)).toEqual({ at, by: 'm-cadre', action: 'done', note: '已入户' });
  });

  it('skip: closes it with the reason', () => {
    const t = frozen(aTask({ status: 'overdue', dueDate: '2026-03-01' }));
    const r = changeTask(t, { kind: 'skip', by: 'm-cadre', at, note: '全家外出务工' }, today) as TaskRecord;
    expect(r.status).toBe('skipped');
    expect(r.history.map((e) => e.action)).toEqual(['create', 'skip']);
    expect(r.history[1]).toEqual({ at, by: 'm-cadre', action: 'skip', note: '全家外出务工' });
    expect(t.status).toBe('overdue');
  });

  describe('reschedule', () => {
    const reschedule = (dueDate: string): TaskAction => ({ kind: 'reschedule', by: 'm-cadre', at, note: '住院了', dueDate });
    it.each([
      ['today', '2026-03-10'],
      ['tomorrow', '2026-03-11'],
      ['60 days on', '2026-05-09'],
    ])('to %s', (_, dueDate) => {
      const t = frozen(aTask());
      const r = changeTask(t, reschedule(dueDate), today) as TaskRecord;
      expect(r.dueDate).toBe(dueDate);
      expect(r.status).toBe('open');
      expect(r.history.at(-1)).toEqual({ at, by: 'm-cadre', action: 'reschedule', note: `改到 ${dueDate}：住院了` });
      expect(t.dueDate).toBe('2026-03-31');
    });
    it.each([
      ['yesterday', '2026-03-09'],
      ['61 days on', '2026-05-10'],
    ])('not to %s', (_, dueDate) => {
      const t = frozen(aTask());
      expect(changeTask(t, reschedule(dueDate), today)).toBe('TASK.BAD_DATE');
    });
    it('an overdue, escalated must-visit is open again, and escalates again if missed again', () => {
      const t = frozen(
        aTask({ kind: 'must_visit', urgent: true, status: 'overdue', dueDate: '2026-03-08', escalatedAt: '2026-03-09T00:00:00.000Z' }),
      );
      const r = changeTask(t, reschedule('2026-03-12'), today) as TaskRecord;
      expect(r).toMatchObject({ status: 'open', dueDate: '2026-03-12', escalatedAt: null });
      expect(needsEscalation(r, '2026-03-13')).toBe(true);
    });
    it('to before the window opened moves the window', () => {
      const r = changeTask(aTask({ windowStart: '2026-03-20' }), reschedule('2026-03-15'), today) as TaskRecord;
      expect([r.windowStart, r.dueDate]).toEqual(['2026-03-15', '2026-03-15']);
    });
  });

  describe('complete', () => {
    const complete: TaskAction = { kind: 'complete', by: 'm-office', at, note: '已到村座谈' };
    it.each<TaskKind>(['follow_up', 'township', 'care'])('closes a %s task', (kind) => {
      const r = changeTask(frozen(aTask({ kind })), complete, today) as TaskRecord;
      expect(r.status).toBe('done');
      expect(r.history.at(-1)).toEqual({ at, by: 'm-office', action: 'done', note: '已到村座谈' });
    });
    it.each<TaskKind>(['routine', 'phone', 'must_visit', 'festival', 'helper'])('a %s task needs a visit', (kind) => {
      expect(changeTask(frozen(aTask({ kind })), complete, today)).toBe('TASK.NEEDS_VISIT');
    });
  });

  it.each<[TaskStatus, TaskAction]>([
    ['done', { kind: 'done', by: 'm-cadre', at, note: null }],
    ['done', { kind: 'skip', by: 'm-cadre', at, note: '不在家' }],
    ['skipped', { kind: 'reschedule', by: 'm-cadre', at, note: '不在家', dueDate: '2026-03-12' }],
    ['skipped', { kind: 'complete', by: 'm-cadre', at, note: '办好了' }],
    ['done', { kind: 'overdue', at }],
    ['done', { kind: 'escalate', at }],
  ])('a %s task refuses %j', (status, action) => {
    const t = frozen(aTask({ status, kind: 'follow_up' }));
    expect(changeTask(t, action, today)).toBe('TASK.CLOSED');
  });

  it('overdue: the timer marks an open task past due, once', () => {
    const t = frozen(aTask({ dueDate: '2026-03-09' }));
    const r = changeTask(t, { kind: 'overdue', at }, today) as TaskRecord;
    expect(r.status).toBe('overdue');
    expect(r.history.at(-1)).toEqual({ at, by: 'system', action: 'overdue', note: null });
    expect(changeTask(r, { kind: 'overdue', at }, today)).toBe(r);
  });

  it('overdue: nothing to do for a task due today', () => {
    const t = aTask({ dueDate: '2026-03-10' });
    expect(changeTask(t, { kind: 'overdue', at }, today)).toBe(t);
  });

  it('escalate: passes a missed must-visit up, once', () => {
    const t = frozen(aTask({ kind: 'must_visit', urgent: true, dueDate: '2026-03-09' }));
    const r = changeTask(t, { kind: 'escalate', at }, today) as TaskRecord;
    expect(r).toMatchObject({ status: 'overdue', escalatedAt: at, updatedAt: at });
    expect(r.history.at(-1)).toEqual({ at, by: 'system', action: 'escalate', note: null });
    expect(changeTask(r, { kind: 'escalate', at }, today)).toBe(r);
    expect(t.escalatedAt).toBeNull();
  });

  it('escalate: nothing to do for a routine task or a must-visit not yet due', () => {
    const routine = aTask({ dueDate: '2026-03-01' });
    const notYet = aTask({ kind: 'must_visit', urgent: true, dueDate: '2026-03-10' });
    expect(changeTask(routine, { kind: 'escalate', at }, today)).toBe(routine);
    expect(changeTask(notYet, { kind: 'escalate', at }, today)).toBe(notYet);
  });

  it('isTaskChangeError tells refusals from records', () => {
    expect(isTaskChangeError(changeTask(aTask({ status: 'done' }), { kind: 'overdue', at }, today))).toBe(true);
    expect(isTaskChangeError(changeTask(aTask(), { kind: 'skip', by: 'm', at, note: '外出' }, today))).toBe(false);
  });
});

describe('needsEscalation', () => {
  const today = '2026-03-10';
  it.each<[string, Partial<TaskRecord>, boolean]>([
    ['a must-visit past due', { kind: 'must_visit', dueDate: '2026-03-09' }, true],
    ['a must-visit marked overdue', { kind: 'must_visit', status: 'overdue', dueDate: '2026-03-09' }, true],
    ['a care task past due', { kind: 'care', dueDate: '2026-03-09' }, true],
    ['a must-visit due today', { kind: 'must_visit', dueDate: '2026-03-10' }, false],
    ['a must-visit already escalated', { kind: 'must_visit', dueDate: '2026-03-09', escalatedAt: '2026-03-09T23:30:00.000Z' }, false],
    ['a must-visit done', { kind: 'must_visit', status: 'done', dueDate: '2026-03-09' }, false],
    ['a must-visit skipped', { kind: 'must_visit', status: 'skipped', dueDate: '2026-03-09' }, false],
    ['a routine task past due', { kind: 'routine', dueDate: '2026-03-01' }, false],
    ['a follow-up past due', { kind: 'follow_up', dueDate: '2026-03-01' }, false],
  ])('%s', (_, over, expected) => {
    expect(needsEscalation(aTask(over), today)).toBe(expected);
  });
});

describe('digest', () => {
  const today = '2026-03-10';
  it('counts households: today (with the overdue among them), and the rest of the week', () => {
    const tasks = [
      aTask({ _id: '1', householdId: 'h1', dueDate: '2026-03-10' }),
      aTask({ _id: '2', householdId: 'h1', kind: 'festival', dueDate: '2026-03-10' }), // same household
      aTask({ _id: '3', householdId: 'h2', dueDate: '2026-03-05' }), // overdue
      aTask({ _id: '4', householdId: 'h3', kind: 'must_visit', urgent: true, dueDate: '2026-03-13' }),
      aTask({ _id: '5', householdId: 'h4', dueDate: '2026-03-12' }),
      aTask({ _id: '6', householdId: 'h5', dueDate: '2026-03-16' }),
      aTask({ _id: '7', householdId: 'h2', dueDate: '2026-03-14' }), // already counted today
      aTask({ _id: '8', householdId: 'h6', dueDate: '2026-03-31' }), // later
      aTask({ _id: '9', householdId: 'h7', dueDate: '2026-03-09', status: 'done' }),
      aTask({ _id: '10', householdId: null, kind: 'township', dueDate: '2026-03-15' }),
    ];
    expect(digest(tasks, today)).toEqual({ dueToday: 3, overdue: 1, week: 3 });
    expect(digestText(digest(tasks, today))).toBe('今天有 3 户要走访，1 户已逾期；本周还有 3 户');
  });

  it('nothing at all', () => {
    expect(digest([], today)).toEqual({ dueToday: 0, overdue: 0, week: 0 });
    expect(digest([aTask({ dueDate: '2026-03-31' }), aTask({ status: 'done', dueDate: '2026-03-01' })], today)).toEqual({
      dueToday: 0,
      overdue: 0,
      week: 0,
    });
  });

  it.each([
    [{ dueToday: 3, overdue: 1, week: 0 }, '今天有 3 户要走访，1 户已逾期'],
    [{ dueToday: 3, overdue: 0, week: 5 }, '今天有 3 户要走访；本周还有 5 户'],
    [{ dueToday: 3, overdue: 1, week: 5 }, '今天有 3 户要走访，1 户已逾期；本周还有 5 户'],
    [{ dueToday: 0, overdue: 0, week: 2 }, '本周有 2 户要走访'],
    [{ dueToday: 0, overdue: 0, week: 0 }, null],
  ])('digestText(%j) = %s', (d, text) => {
    expect(digestText(d)).toBe(text);
  });
});
