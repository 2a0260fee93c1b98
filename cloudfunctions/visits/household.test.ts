import type { LocalFileStore } from '../core/adapters/local-files';
import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld } from '../../test/support/visit-world';
import { tasksHandler as tasks } from '../tasks/handler';
import { visitsHandler as visits } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
  w.clock.set('2026-11-23T23:30:00.000Z');
  dataOf(await w.fireTimer(tasks));
  w.clock.set('2026-11-24T02:00:00.000Z');
});

type Who = Parameters<World['call']>[1];
const answers = { family: '老两口', hardship: '腿疼', needs: '拐杖', intention: '养羊' };
const log = async (who: Who, visitedOn: string, more: Record<string, unknown> = {}) =>
  dataOf(await w.call(visits, who, 'log', { householdId: 'h-a1', mode: 'in_person', answers, visitedOn, ...more }));
const page = (who: Who, householdId = 'h-a1') => w.call(visits, who, 'household', { householdId });
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const accessLog = async () =>
  (await w.store.collection('access').find({ householdId: 'h-a1' }, { limit: 100 })).map((a) => [a.memberId, a.householdId, a.at]);

describe('the household page (结对帮扶记录本)', () => {
  it("shows the village's cadre the household, its helpers, open tasks, follow-ups and visits newest first", async () => {
    const photo = await (w.deps.files as LocalFileStore).upload(new Uint8Array([7]), 'image/jpeg');
    await log('helperA', '2026-11-10', { photos: [photo] });
    await log('cadreA', '2026-11-20', { problems: [{ text: '拐杖还没有着落', ownerId: 'm-ha' }] });
    const seen = dataOf(await page('cadreA'));
    expect(seen.household).toEqual({
      id: 'h-a1',
      headName: '王建国',
      address: '三组 12 号',
      villageName: '杏花村',
      category: 'lifted',
      livesAway: false,
      size: 3,
      phone: '100-0000-0001',
    });
    expect(seen.helpers).toEqual([{ id: 'm-ha', name: '陈静', phone: '100-0000-0000' }]);
    // Its own village's cadres, not 柳溪村's 孙立军.
    expect(seen.cadres.map((c: { name: string }) => c.name)).toEqual(['赵明远']);
    // Both visits settled their tasks; what is left is the follow-up.
    expect(seen.openTasks).toEqual([]);
    expect(seen.followUps).toEqual([
      { id: expect.any(String), text: '拐杖还没有着落', owner: '帮扶责任人 陈静', dueDate: '2026-11-27', status: 'open' },
    ]);
    expect(seen.visits.items.map((v: { visitedOn: string; visitor: string }) => [v.visitedOn, v.visitor])).toEqual([
      ['2026-11-20', '驻村干部 赵明远'],
      ['2026-11-10', '帮扶责任人 陈静'],
    ]);
    expect(seen.visits.items[0]).toMatchObject({
      mode: 'in_person',
      answers,
      problems: [{ text: '拐杖还没有着落', owner: '帮扶责任人 陈静', dueDate: '2026-11-27', followUpId: seen.followUps[0].id }],
      photoUrls: [],
    });
    expect(seen.visits.items[1].photoUrls).toEqual([expect.stringMatching(/^\/api\/files\//)]);
  });

  it("lists the visits still to make there: a cadre's team's, a helper's own, an office's all", async () => {
    dataOf(await w.call(tasks, 'villagerA', 'reportEvent', { event: 'serious_illness', note: '老人住院了' }));
    const kinds = async (who: Who) =>
      dataOf(await page(who))
        .openTasks.map((t: { kind: string; assignee: string }) => `${t.kind} ${t.assignee}`)
        .sort();
    expect(await kinds('cadreA')).toEqual(['must_visit 杏花村驻村工作队', 'routine 杏花村驻村工作队']);
    expect(await kinds('helperA')).toEqual(['helper 帮扶责任人 陈静', 'must_visit 帮扶责任人 陈静']);
    expect(await kinds('office')).toHaveLength(4);
    // Once the cadre has been, nothing urgent is left on the cadre's page; the helper still has to go.
    await log('cadreA', '2026-11-24');
    expect(await kinds('cadreA')).toEqual([]);
    expect(await kinds('helperA')).toEqual(['helper 帮扶责任人 陈静', 'must_visit 帮扶责任人 陈静']);
  });

  it('writes down every read by staff, who and when, and nothing for a refused one', async () => {
    await page('cadreA');
    w.clock.set('2026-11-24T03:00:00.000Z');
    await page('helperA');
    await page('office');
    await page('cadreB');
    await page(as('helperB'));
    expect((await accessLog()).sort()).toEqual([
      ['m-ca', 'h-a1', '2026-11-24T02:00:00.000Z'],
      ['m-ha', 'h-a1', '2026-11-24T03:00:00.000Z'],
      ['m-of', 'h-a1', '2026-11-24T03:00:00.000Z'],
    ]);
  });

  it("shows the household's phone to its cadres and helpers, not to the offices over it", async () => {
    expect(dataOf(await page('helperA')).household.phone).toBe('100-0000-0001');
    expect(dataOf(await page('office')).household.phone).toBe('');
    expect(dataOf(await page(as('countyOffice'))).household.phone).toBe('');
    const office = dataOf(await page('office'));
    expect(new Set(office.openTasks.map((t: { householdLabel: string }) => t.householdLabel))).toEqual(new Set(['王建国（杏花村）']));
  });

  it('is not found for anyone else: a helper not paired, a cadre of another village, an office of another township', async () => {
    for (const who of [as('helperB'), 'cadreB', as('farOffice'), as('farCadre')]) {
      expect({ who, code: codeOf(await page(who)) }).toEqual({ who, code: 'HOUSEHOLD.NOT_FOUND' });
    }
    expect(codeOf(await page('cadreA', 'h-nobody'))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await page('villagerA'))).toBe('COMMON.FORBIDDEN');
    expect(await accessLog()).toEqual([]);
  });

  it('pages further back through the history, each page recorded as a read', async () => {
    for (let d = 1; d <= 12; d++) await log('cadreA', `2026-11-${String(d).padStart(2, '0')}`);
    const first = dataOf(await page('cadreA')).visits;
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const rest = dataOf(await w.call(visits, 'cadreA', 'history', { householdId: 'h-a1', cursor: first.nextCursor }));
    expect(rest.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual(['2026-11-02', '2026-11-01']);
    expect(rest.nextCursor).toBeNull();
    expect(await accessLog()).toHaveLength(2);
    expect(codeOf(await w.call(visits, 'cadreB', 'history', { householdId: 'h-a1' }))).toBe('HOUSEHOLD.NOT_FOUND');
  });
});

describe("a helper's and a cadre's households", () => {
  it('lists a helper’s paired households with the next visit due for them and the last visit', async () => {
    const mine = dataOf(await w.call(visits, 'helperA', 'households', {}));
    expect(mine).toEqual({
      items: [
        {
          id: 'h-a1',
          headName: '王建国',
          address: '三组 12 号',
          category: 'lifted',
          livesAway: false,
          nextDue: '2026-12-31',
          overdue: false,
          urgent: false,
          lastVisitedOn: null,
        },
      ],
      nextCursor: null,
    });
    await log('cadreA', '2026-11-20');
    expect(dataOf(await w.call(visits, 'helperA', 'households', {})).items[0]).toMatchObject({
      nextDue: '2026-12-31',
      lastVisitedOn: '2026-11-20',
    });
    expect(dataOf(await w.call(visits, as('helperB'), 'households', {})).items).toEqual([]);
    dataOf(await w.call(tasks, 'helperA', 'reportEvent', { householdId: 'h-a1', event: 'serious_illness', note: '老人摔伤住院' }));
    expect(dataOf(await w.call(visits, 'helperA', 'households', {})).items[0]).toMatchObject({ urgent: true, nextDue: '2026-11-27' });
  });

  it("lists a cadre's village, overdue first, then soonest due, then those with nothing due, page by page", async () => {
    for (let i = 1; i <= 4; i++) {
      await w.store.collection('households').add({
        _id: `h-a${i + 1}`,
        villageId: 'v-xinghua',
        address: `四组 ${i} 号`,
        headName: `户主${i}`,
        category: i % 2 ? 'ordinary' : 'monitored',
        livesAway: false,
        size: 2,
        phone: '100-0000-0002',
      });
    }
    // The next morning's run gives the new 监测户 their visits; 一般农户 have none under hebei-2018.
    w.clock.set('2026-11-24T23:30:00.000Z');
    dataOf(await w.fireTimer(tasks));
    w.clock.set('2026-12-01T02:00:00.000Z');
    // December's visits are not made yet (no run today): November's are overdue.
    await log('cadreA', '2026-11-30', { householdId: 'h-a3' });
    const rows: { id: string; overdue: boolean; nextDue: string | null }[] = [];
    let cursor: string | undefined;
    do {
      const p = dataOf(await w.call(visits, 'cadreA', 'households', { limit: 2, ...(cursor ? { cursor } : {}) }));
      rows.push(...p.items);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(rows.map((r) => [r.id, r.overdue, r.nextDue])).toEqual([
      ['h-a1', true, '2026-11-30'],
      ['h-a5', true, '2026-11-30'],
      ['h-a2', false, null],
      ['h-a3', false, null],
      ['h-a4', false, null],
    ]);
    expect(codeOf(await w.call(visits, 'office', 'households', {}))).toBe('COMMON.FORBIDDEN');
  });
});
