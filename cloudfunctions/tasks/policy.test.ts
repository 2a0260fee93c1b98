import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld } from '../../test/support/visit-world';
import { tasksHandler as tasks } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const policy = (who: Parameters<World['call']>[1]) => w.call(tasks, who, 'policy', {});
const choose = (who: Parameters<World['call']>[1], presetId: string) => w.call(tasks, who, 'setPolicy', { presetId });

describe("the county's visit policy", () => {
  it('is hebei-2018 until chosen, with both presets in plain words, and only a county office may change it', async () => {
    const seen = dataOf(await policy('cadreA'));
    expect(seen).toMatchObject({ current: 'hebei-2018', next: null, canChange: false });
    expect(seen.presets.map((p: { id: string }) => p.id)).toEqual(['hebei-2018', 'shanxi-2022']);
    expect(seen.presets[1]).toMatchObject({
      label: '山西省（2022）',
      summary: expect.arrayContaining([expect.stringMatching(/每半个月/)]),
    });
    expect(dataOf(await policy('office')).canChange).toBe(false);
    expect(dataOf(await policy(as('countyOffice'))).canChange).toBe(true);
    expect(codeOf(await policy('villagerA'))).toBe('COMMON.FORBIDDEN');
  });

  it('switches from the first day of next month, when the county office says so', async () => {
    expect(codeOf(await choose('office', 'shanxi-2022'))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await choose('cadreA', 'shanxi-2022'))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await choose(as('countyOffice'), 'guangdong-2030'))).toBe('POLICY.NOT_FOUND');
    expect(await w.store.collection('settings').count({})).toBe(0);

    expect(dataOf(await choose(as('countyOffice'), 'shanxi-2022'))).toEqual({ presetId: 'shanxi-2022', from: '2026-12-01' });
    expect(dataOf(await policy('cadreA'))).toMatchObject({ current: 'hebei-2018', next: { presetId: 'shanxi-2022', from: '2026-12-01' } });
    expect(await w.store.collection('settings').get('visit-policy:c-qinghe')).toMatchObject({ updatedBy: 'm-oc' });

    w.clock.set('2026-12-01T02:00:00.000Z');
    expect(dataOf(await policy('cadreA'))).toMatchObject({ current: 'shanxi-2022', next: null });
  });

  it('cancels a pending switch when the preset in force is chosen again', async () => {
    dataOf(await choose(as('countyOffice'), 'shanxi-2022'));
    expect(dataOf(await choose(as('countyOffice'), 'hebei-2018'))).toEqual({ presetId: 'hebei-2018', from: '2026-11-24' });
    expect(dataOf(await policy('cadreA'))).toMatchObject({ current: 'hebei-2018', next: null });
  });

  it('makes the daily tasks by the new rules from their first day: half-monthly visits and the township team’s village visits', async () => {
    dataOf(await choose(as('countyOffice'), 'shanxi-2022'));
    w.clock.set('2026-11-30T23:30:00.000Z');
    dataOf(await w.fireTimer(tasks));
    const made = await w.store.collection('tasks').find({ countyId: 'c-qinghe', status: 'open', dueDate: { $lte: '2026-12-31' } });
    const routine = made.filter((t) => t.kind === 'routine');
    expect(routine.map((t) => [t.householdId, t.windowStart, t.dueDate, t.policyId]).sort()).toEqual([
      ['h-a1', '2026-12-01', '2026-12-15', 'shanxi-2022'],
      ['h-b1', '2026-12-01', '2026-12-15', 'shanxi-2022'],
      ['h-x1', '2026-12-01', '2026-12-15', 'shanxi-2022'],
    ]);
    expect(
      made
        .filter((t) => t.kind === 'township')
        .map((t) => [t.assignee, t.villageId, t.dueDate])
        .sort(),
    ).toEqual([
      ['township:t-far', 'v-far', '2026-12-31'],
      ['township:t-shiqiao', 'v-liuxi', '2026-12-31'],
      ['township:t-shiqiao', 'v-xinghua', '2026-12-31'],
    ]);
    // A month on, the township office's December visits it did not make are marked overdue like any other.
    w.clock.set('2026-12-31T23:30:00.000Z');
    dataOf(await w.fireTimer(tasks));
    const december = await w.store.collection('tasks').find({ assignee: 'township:t-shiqiao', status: 'overdue' });
    expect(december.map((t) => [t.kind, t.dueDate])).toEqual([
      ['township', '2026-12-31'],
      ['township', '2026-12-31'],
    ]);
  });
});
