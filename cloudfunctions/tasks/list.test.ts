import type { TaskRecord } from '../core/records';
import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld, xinghuaTask } from '../../test/support/visit-world';
import { tasksHandler as tasks } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
});

type Who = Parameters<World['call']>[1];
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const list = async (who: Who, tab: string, more: Record<string, unknown> = {}) =>
  dataOf(await w.call(tasks, who, 'list', { tab, ...more }));
const ids = (page: { items: { id: string }[] }) => page.items.map((t) => t.id);

const task = xinghuaTask;
const put = (...ts: TaskRecord[]) => Promise.all(ts.map((t) => w.store.collection('tasks').add(t)));

/** Every page of a list, `limit` at a time. */
async function allPages(who: Who, tab: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(who, tab, { limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...ids(page));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe("a cadre's and a helper's task list", () => {
  beforeEach(async () => {
    await put(
      task('t-over', { dueDate: '2026-11-20' }),
      task('t-urgent', { kind: 'must_visit', urgent: true, windowStart: '2026-11-24', dueDate: '2026-11-27', title: '重大疾病：住院了' }),
      task('t-soon', { kind: 'festival', dueDate: '2026-11-26' }),
      task('t-later', {}),
      task('t-next-month', { windowStart: '2026-12-01', dueDate: '2026-12-31' }),
      task('t-follow', { kind: 'follow_up', assignee: 'm-ca', dueDate: '2026-11-25', title: '帮忙申请慢病证' }),
      task('t-done', { status: 'done', dueDate: '2026-11-22' }),
      task('t-skipped', { status: 'skipped', dueDate: '2026-11-23' }),
      task('t-helper', { kind: 'helper', assignee: 'm-ha', windowStart: '2026-11-01', dueDate: '2026-12-31' }),
      task('t-liuxi', { assignee: 'village:v-liuxi', villageId: 'v-liuxi', householdId: 'h-b1' }),
    );
  });

  it("shows a cadre the village team's tasks and their own follow-ups: overdue first, then urgent, then by due date", async () => {
    const today = await list('cadreA', 'today');
    expect(ids(today)).toEqual(['t-over', 't-urgent']);
    expect(today.counts).toEqual({ today: 2, week: 5, overdue: 1, all: 6 });
    expect(ids(await list('cadreA', 'week'))).toEqual(['t-over', 't-urgent', 't-follow', 't-soon', 't-later']);
    expect(ids(await list('cadreA', 'overdue'))).toEqual(['t-over']);
    expect(ids(await list('cadreA', 'all'))).toEqual(['t-over', 't-urgent', 't-follow', 't-soon', 't-later', 't-next-month']);
    const [over, urgent] = today.items;
    expect(over).toMatchObject({
      status: 'overdue',
      kind: 'routine',
      householdId: 'h-a1',
      householdLabel: '王建国 三组 12 号',
      villageName: '杏花村',
      assignee: '杏花村驻村工作队',
      urgent: false,
      escalated: false,
    });
    expect(urgent).toMatchObject({ status: 'open', urgent: true, title: '重大疾病：住院了', dueDate: '2026-11-27' });
    const follow = (await list('cadreA', 'week')).items.find((t: { id: string }) => t.id === 't-follow');
    expect(follow.assignee).toBe('驻村干部 赵明远');
  });

  it('pages by keyset, never repeating or dropping a task, whatever the page size', async () => {
    for (const limit of [1, 2, 4]) {
      expect(await allPages('cadreA', 'all', limit)).toEqual(['t-over', 't-urgent', 't-follow', 't-soon', 't-later', 't-next-month']);
    }
  });

  it('shows a helper their own tasks only, and a helper with none or a cadre of another village nothing of these', async () => {
    const mine = await list('helperA', 'all');
    expect(ids(mine)).toEqual(['t-helper']);
    expect(mine.items[0]).toMatchObject({ householdLabel: '王建国 三组 12 号', assignee: '帮扶责任人 陈静' });
    expect(mine.counts).toEqual({ today: 0, week: 0, overdue: 0, all: 1 });
    expect(await list(as('helperB'), 'all')).toEqual({ items: [], nextCursor: null, counts: { today: 0, week: 0, overdue: 0, all: 0 } });
    expect(ids(await list('cadreB', 'all'))).toEqual(['t-liuxi']);
  });

  it('is for staff: a villager may not list tasks', async () => {
    expect(codeOf(await w.call(tasks, 'villagerA', 'list', { tab: 'all' }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await w.call(tasks, 'cadreA', 'list', { tab: 'later' }))).toBe('COMMON.INVALID_INPUT');
  });
});

describe("an office's list: its own tasks and every overdue one of its area", () => {
  beforeEach(async () => {
    await put(
      task('o-xinghua', { dueDate: '2026-11-10' }),
      task('o-xinghua-helper', { kind: 'helper', assignee: 'm-ha', dueDate: '2026-10-31', windowStart: '2026-09-01', status: 'overdue' }),
      task('o-liuxi-urgent', {
        kind: 'must_visit',
        urgent: true,
        assignee: 'village:v-liuxi',
        villageId: 'v-liuxi',
        householdId: 'h-b1',
        dueDate: '2026-11-21',
        escalatedAt: '2026-11-22T23:30:00.000Z',
        status: 'overdue',
      }),
      task('o-far', { assignee: 'village:v-far', villageId: 'v-far', townshipId: 't-far', householdId: 'h-x1', dueDate: '2026-11-15' }),
      task('o-not-due', { dueDate: '2026-11-30' }),
      task('o-care', {
        kind: 'care',
        urgent: true,
        assignee: 'township:t-shiqiao',
        householdId: null,
        subjectMemberId: 'm-ca',
        windowStart: '2026-11-24',
        dueDate: '2026-12-01',
      }),
      task('o-township', {
        kind: 'township',
        assignee: 'township:t-shiqiao',
        villageId: 'v-liuxi',
        householdId: null,
        dueDate: '2026-11-30',
      }),
      task('o-township-later', {
        kind: 'township',
        assignee: 'township:t-shiqiao',
        householdId: null,
        windowStart: '2026-12-01',
        dueDate: '2026-12-31',
      }),
    );
  });

  it('shows a township office the overdue tasks of its villages (urgent and escalated first) and then its own', async () => {
    const all = await list('office', 'all');
    expect(ids(all)).toEqual(['o-liuxi-urgent', 'o-xinghua-helper', 'o-xinghua', 'o-care', 'o-township', 'o-township-later']);
    expect(all.counts).toEqual({ today: 4, week: 5, overdue: 3, all: 6 });
    expect(ids(await list('office', 'overdue'))).toEqual(['o-liuxi-urgent', 'o-xinghua-helper', 'o-xinghua']);
    expect(ids(await list('office', 'today'))).toEqual(['o-liuxi-urgent', 'o-xinghua-helper', 'o-xinghua', 'o-care']);
    const [escalated, , routine, care, township] = all.items;
    expect(escalated).toMatchObject({ escalated: true, householdLabel: '李桂芳（柳溪村）', assignee: '柳溪村驻村工作队' });
    expect(routine).toMatchObject({ householdLabel: '王建国（杏花村）', status: 'overdue' });
    expect(care).toMatchObject({ householdLabel: '驻村干部 赵明远', assignee: '石桥镇驻村办' });
    expect(township).toMatchObject({ householdLabel: '柳溪村', villageName: '柳溪村' });
  });

  it('counts and shows its own missed task once, among the overdue of its area', async () => {
    await put(
      task('o-township-missed', {
        kind: 'township',
        assignee: 'township:t-shiqiao',
        householdId: null,
        windowStart: '2026-10-01',
        dueDate: '2026-10-31',
      }),
    );
    const all = await list('office', 'all');
    expect(ids(all).filter((id) => id === 'o-township-missed')).toHaveLength(1);
    expect(all.counts).toEqual({ today: 5, week: 6, overdue: 4, all: 7 });
  });

  it('pages across its overdue and its own tasks without repeats', async () => {
    const order = ['o-liuxi-urgent', 'o-xinghua-helper', 'o-xinghua', 'o-care', 'o-township', 'o-township-later'];
    for (const limit of [1, 2, 3]) expect(await allPages('office', 'all', limit)).toEqual(order);
    expect(await allPages('office', 'overdue', 1)).toEqual(order.slice(0, 3));
  });

  it("shows a county office every township's overdue tasks, and another township's office only its own", async () => {
    expect(ids(await list(as('countyOffice'), 'all'))).toEqual(['o-liuxi-urgent', 'o-xinghua-helper', 'o-xinghua', 'o-far']);
    const far = await list(as('farOffice'), 'all');
    expect(ids(far)).toEqual(['o-far']);
    expect(far.counts).toEqual({ today: 1, week: 1, overdue: 1, all: 1 });
  });
});

describe("a task's page", () => {
  beforeEach(async () => {
    await put(
      task('d-helper', {
        kind: 'helper',
        assignee: 'm-ha',
        history: [
          { at: '2026-11-01T00:00:00.000Z', by: 'system', action: 'create', note: null },
          { at: '2026-11-20T00:00:00.000Z', by: 'm-ha', action: 'reschedule', note: '改到 2026-11-30：家里没人' },
        ],
      }),
      task('d-care', { kind: 'care', assignee: 'township:t-shiqiao', householdId: null, subjectMemberId: 'm-ca' }),
    );
  });

  it('shows its history with who did what, to whoever may see it', async () => {
    const detail = dataOf(await w.call(tasks, 'helperA', 'detail', { id: 'd-helper' }));
    expect(detail.history).toEqual([
      { at: '2026-11-01T00:00:00.000Z', by: '系统', action: 'create', note: null },
      { at: '2026-11-20T00:00:00.000Z', by: '帮扶责任人 陈静', action: 'reschedule', note: '改到 2026-11-30：家里没人' },
    ]);
    // The village's cadre sees a helper's task of a village household; the township office, anything of its area.
    expect(dataOf(await w.call(tasks, 'cadreA', 'detail', { id: 'd-helper' })).id).toBe('d-helper');
    expect(dataOf(await w.call(tasks, 'office', 'detail', { id: 'd-care' })).kind).toBe('care');
    expect(dataOf(await w.call(tasks, as('countyOffice'), 'detail', { id: 'd-helper' })).id).toBe('d-helper');
  });

  it('is not found for anyone else, nor is a task that does not exist', async () => {
    for (const [who, id] of [
      ['cadreB', 'd-helper'],
      [as('helperB'), 'd-helper'],
      [as('farOffice'), 'd-helper'],
      // Caring for a cadre stays between the cadre's township office and its records.
      ['cadreA', 'd-care'],
      ['cadreA', 'nothing'],
    ] as const) {
      expect({ who, id, code: codeOf(await w.call(tasks, who, 'detail', { id })) }).toEqual({ who, id, code: 'TASK.NOT_FOUND' });
    }
  });
});
