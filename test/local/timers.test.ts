import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { startStandIn, type StandIn } from '../../local/server';
import { timerScheduler, toCroner } from '../../local/timers';
import { defineHandler } from '../../cloudfunctions/core/handler/define';
import type { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { fakeH5Build } from './stand-in';

/** A function with two timers on different crons, counting what fired. */
function choresFunction(fired: string[]) {
  const contract = {
    name: 'chores',
    actions: {},
    timers: [
      { name: 'morning', cron: '0 0 8 * * * *' },
      { name: 'evening', cron: '0 0 20 * * * *' },
    ],
  };
  return defineHandler(
    contract,
    {},
    {
      morning: async () => (fired.push('morning'), { swept: 1 }),
      evening: async () => (fired.push('evening'), { locked: 1 }),
    },
  );
}

describe('a function with several timers in the stand-in', () => {
  let standIn: StandIn;
  let store: SqliteStore;
  const clock = movableClock();
  const fired: string[] = [];
  const post = (path: string) => fetch(`${standIn.url}${path}`, { method: 'POST' });

  beforeEach(async () => {
    fired.length = 0;
    clock.set(null);
    store = openLocalStore(':memory:');
    const deps = { ...localDeps(store, clock), log: { error: () => undefined, warn: () => undefined, info: () => undefined } };
    standIn = await startStandIn({
      deps,
      staticDir: fakeH5Build(),
      port: 0,
      timers: false,
      log: () => undefined,
      functions: { chores: choresFunction(fired) },
    });
  });
  afterEach(async () => {
    await standIn.close();
    store.close();
  });

  it("POST /api/dev/timers/<function> fires every timer, in the contract's order", async () => {
    const res = await post('/api/dev/timers/chores');
    expect(await res.json()).toEqual({
      ok: true,
      data: { morning: { ok: true, data: { swept: 1 } }, evening: { ok: true, data: { locked: 1 } } },
    });
    expect(fired).toEqual(['morning', 'evening']);
  });

  it('POST /api/dev/timers/<function>/<timer> fires that timer only', async () => {
    expect(await (await post('/api/dev/timers/chores/evening')).json()).toEqual({ ok: true, data: { locked: 1 } });
    expect(fired).toEqual(['evening']);
    expect((await post('/api/dev/timers/chores/noon')).status).toBe(404);
    expect(fired).toEqual(['evening']);
  });

  it('schedules each timer on its own cron', async () => {
    clock.set(new Date('2026-11-25T07:59:59+08:00'));
    await standIn.scheduler.tick();
    clock.set(new Date('2026-11-25T08:00:01+08:00'));
    expect(await standIn.scheduler.tick()).toEqual(['chores/morning']);
    clock.set(new Date('2026-11-25T20:00:01+08:00'));
    expect(await standIn.scheduler.tick()).toEqual(['chores/evening']);
    expect(fired).toEqual(['morning', 'evening']);
  });
});

describe('the timer scheduler', () => {
  it("reads CloudBase's 7-field crons in China time and refuses other shapes", () => {
    expect(toCroner('0 0 8 * * * *').nextRun(new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(() => toCroner('0 8 * * *')).toThrow(/7 fields/);
    expect(() => toCroner('0 0 8 * * * 2027')).toThrow(/year/);
  });

  it('keys running timers by function and timer: one still running does not hold back its sibling', async () => {
    const clock = movableClock();
    clock.set(new Date('2026-11-25T07:59:59+08:00'));
    let release: () => void = () => undefined;
    const calls: string[] = [];
    const scheduler = timerScheduler(
      [
        {
          functionName: 'chores',
          timerName: 'slow',
          cron: '0 0 8 * * * *',
          fire: () => (calls.push('slow'), new Promise<void>((r) => (release = r))),
        },
        { functionName: 'chores', timerName: 'quick', cron: '0 0 8 * * * *', fire: async () => void calls.push('quick') },
        { functionName: 'chores', timerName: 'hourly', cron: '0 0 * * * * *', fire: async () => void calls.push('hourly') },
      ],
      clock,
      () => undefined,
    );
    clock.set(new Date('2026-11-25T08:00:01+08:00'));
    const first = scheduler.tick();
    // Both 08:00 timers started although the slow one has not finished.
    expect(calls.sort()).toEqual(['hourly', 'quick', 'slow']);
    calls.length = 0;
    await new Promise((r) => setImmediate(r)); // let the quick ones finish, as a second between ticks would
    // The next day at 09:00: the slow one is still running and is skipped; the others fire.
    clock.set(new Date('2026-11-26T09:00:01+08:00'));
    expect((await scheduler.tick()).sort()).toEqual(['chores/hourly', 'chores/quick']);
    expect(calls.sort()).toEqual(['hourly', 'quick']);
    release();
    expect((await first).sort()).toEqual(['chores/hourly', 'chores/quick', 'chores/slow']);
  });

  it('logs a timer that throws and goes on with the others', async () => {
    const clock = movableClock();
    clock.set(new Date('2026-11-25T07:59:59+08:00'));
    const lines: string[] = [];
    const calls: string[] = [];
    const scheduler = timerScheduler(
      [
        { functionName: 'a', timerName: 'broken', cron: '0 0 8 * * * *', fire: async () => Promise.reject(new Error('boom')) },
        { functionName: 'b', timerName: 'fine', cron: '0 0 8 * * * *', fire: async () => void calls.push('fine') },
      ],
      clock,
      (l) => void lines.push(l),
    );
    clock.set(new Date('2026-11-25T08:00:01+08:00'));
    expect(await scheduler.tick()).toEqual(['a/broken', 'b/fine']);
    expect(calls).toEqual(['fine']);
    expect(lines.some((l) => l.includes('a/broken failed') && l.includes('boom'))).toBe(true);
  });
});
