import { latencyFromEnv, withLatency, type Sleep } from '../../local/latency-store';
import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import type { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { MAX_OPEN_WISHES, wishesContract } from '../../types/wishes';
import { defineHandler, type ActionsOf, type TimerImpl } from '../../cloudfunctions/core/handler/define';
import { OPEN_WISH_STATUSES, submitWish, toOwnWish } from '../../cloudfunctions/core/domain/wish';
import { seedIfEmpty } from '../../local/seed';
import { wishRecord } from '../support/wish-record';
import { startStandIn } from '../../local/server';
import { fakeH5Build, startTestStandIn, type TestStandIn } from './stand-in';

const county = { _id: 'c-1', name: '青禾县' };
const village = (id: string) => ({ _id: id, name: id, townshipId: 't-1', countyId: 'c-1' });

/** Records, in order, each wait and each call that reaches the wrapped store. */
function recording(inner: Store, events: string[]): Store {
  const logged = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          events.push(`${prefix}${String(key)}`);
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
  return {
    collection: (name) => logged(inner.collection(name), `${name}.`),
    transaction: (work) => inner.transaction((tx) => (events.push('tx.begin'), work(logged(tx, 'tx.')))),
  };
}

/** A sleep that only ends when the test says so: every wait is seen, none is timed. */
function heldSleep(events: string[]) {
  const waiting: (() => void)[] = [];
  const sleep: Sleep = (ms) => {
    events.push(`wait ${ms}`);
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  /** Lets every wait so far end and the work behind them run up to the next wait. */
  const release = async () => {
    while (waiting.length) waiting.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { sleep, release, waiting };
}

describe('withLatency', () => {
  let raw: SqliteStore;
  beforeEach(() => {
    raw = openLocalStore(':memory:');
  });
  afterEach(() => raw.close());

  it('waits before every collection method, and only then calls the store', async () => {
    const events: string[] = [];
    const slow = withLatency(recording(raw, events), 7, async (ms) => void events.push(`wait ${ms}`));
    const villages = slow.collection('villages');
    await villages.add(village('v-1'));
    await villages.get('v-1');
    await villages.find({ townshipId: 't-1' });
    await villages.count({});
    await villages.updateIf('v-1', { name: 'v-1' }, { name: '杏花村' });
    await villages.remove('v-1');
    expect(events).toEqual(['add', 'get', 'find', 'count', 'updateIf', 'remove'].flatMap((m) => ['wait 7', `villages.${m}`]));
  });

  it('holds each call until its wait ends', async () => {
    const events: string[] = [];
    const held = heldSleep(events);
    const slow = withLatency(recording(raw, events), 5, held.sleep);
    const counted = slow.collection('villages').count({});
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['wait 5']);
    await held.release();
    expect(events).toEqual(['wait 5', 'villages.count']);
    expect(await counted).toBe(0);
  });

  it('waits with a timer of the given length (fake timers, no wall clock)', async () => {
    jest.useFakeTimers();
    try {
      const events: string[] = [];
      const slow = withLatency(recording(raw, events), 40);
      const got = slow.collection('counties').get('c-1');
      await jest.advanceTimersByTimeAsync(39);
      expect(events).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(events).toEqual(['counties.get']);
      expect(await got).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('in a transaction waits at the start, before each operation and before the commit', async () => {
    await raw.collection('counties').add(county);
    const events: string[] = [];
    const held = heldSleep(events);
    const slow = withLatency(recording(raw, events), 3, held.sleep);
    const done = slow.transaction(async (tx) => {
      const c = await tx.get('counties', 'c-1');
      await tx.update('counties', 'c-1', { name: `${c!.name}!` });
      await tx.add('villages', village('v-9'));
      return 'committed';
    });
    for (let i = 0; i < 4; i++) await held.release();
    // Every operation has run; the commit is still waiting, so nothing is visible yet.
    expect(events).toEqual(['tx.begin', 'wait 3', 'wait 3', 'tx.get', 'wait 3', 'tx.update', 'wait 3', 'tx.add', 'wait 3']);
    expect(await raw.collection('villages').get('v-9')).toBeNull();
    await held.release();
    expect(await done).toBe('committed');
    expect(await raw.collection('villages').get('v-9')).not.toBeNull();
    expect((await raw.collection('counties').get('c-1'))!.name).toBe('青禾县!');
  });

  it('waits again on every attempt of a transaction that conflicted', async () => {
    await raw.collection('counties').add(county);
    const events: string[] = [];
    const slow = withLatency(recording(raw, events), 2, async (ms) => void events.push(`wait ${ms}`));
    let attempts = 0;
    await slow.transaction(async (tx) => {
      attempts++;
      await tx.get('counties', 'c-1');
      // Another writer changes what the first attempt read: its commit must fail and the work run again.
      if (attempts === 1) await raw.collection('counties').updateIf('c-1', {}, { name: '别的县' });
      await tx.update('counties', 'c-1', { name: '青禾县' });
    });
    expect(attempts).toBe(2);
    const attempt = ['tx.begin', 'wait 2', 'wait 2', 'tx.get', 'wait 2', 'tx.update', 'wait 2'];
    expect(events).toEqual([...attempt, ...attempt]);
  });

  it('passes an error thrown by the work through, and adds no wrapper at 0 ms', async () => {
    const slow = withLatency(raw, 1, async () => undefined);
    await expect(slow.transaction(async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    expect(withLatency(raw, 0)).toBe(raw);
    expect(() => withLatency(raw, -1)).toThrow();
    expect(() => withLatency(raw, Number.NaN)).toThrow();
  });
});

describe('what the latency is for', () => {
  it('makes a read-then-write cap fail the way it does on CloudBase', async () => {
    const raw = openLocalStore(':memory:');
    const held = heldSleep([]);
    const slow = withLatency(raw, 5, held.sleep);
    const wishes = slow.collection('wishes');
    // The naive cap: count the open wishes, then add one if under the cap. Each step is a round trip.
    const naiveSubmit = async (i: number) => {
      if ((await wishes.count({ householdId: 'h-1' })) >= MAX_OPEN_WISHES) return;
      const at = new Date(Date.UTC(2026, 10, 27, 0, 0, i)).toISOString();
      await wishes.add(
        wishRecord({ _id: `w-${i}`, villageId: 'v-1', householdId: 'h-1', submitterId: 'm-1', text: '想要一床棉被', createdAt: at }),
      );
    };
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => naiveSubmit(i)));
    // Every count waits out its round trip before any add lands: all ten see 0 open wishes.
    while (held.waiting.length) await held.release();
    await all;
    expect(await raw.collection('wishes').count({ householdId: 'h-1' })).toBe(10);
    raw.close();
  });
});

describe('STORE_LATENCY_MS', () => {
  it('reads unset or empty as 0 and refuses what is not a duration', () => {
    expect(latencyFromEnv(undefined)).toBe(0);
    expect(latencyFromEnv('')).toBe(0);
    expect(latencyFromEnv(' 5 ')).toBe(5);
    expect(latencyFromEnv('2.5')).toBe(2.5);
    for (const bad of ['abc', '-3', 'Infinity', '5ms']) expect(() => latencyFromEnv(bad)).toThrow(/STORE_LATENCY_MS/);
  });

  it("slows every store call the functions make, the notifier's inbox writes included", async () => {
    jest.useFakeTimers();
    const raw = openLocalStore(':memory:');
    try {
      const deps = localDeps(raw, movableClock(), { latencyMs: 50 });
      let landed = false;
      const notified = deps.notifier.notify({ to: 'm-1', title: 't', body: 'b', link: null, dedupeKey: 'k' }).then(() => (landed = true));
      let counted = false;
      const counting = deps.store
        .collection('inbox')
        .count({})
        .then(() => (counted = true));
      await jest.advanceTimersByTimeAsync(49);
      expect({ landed, counted }).toEqual({ landed: false, counted: false });
      expect(await raw.collection('inbox').count({})).toBe(0);
      await jest.advanceTimersByTimeAsync(1);
      await Promise.all([notified, counting]);
      expect(counted).toBe(true);
      expect(await raw.collection('inbox').count({})).toBe(1);
      expect(localDeps(raw, movableClock()).store).toBe(raw);
    } finally {
      jest.useRealTimers();
      raw.close();
    }
  });
});

/** 50 wishes of the first 杏花村 household (its one bound villager, demo-villager-1) at once. */
async function submitFifty(url: string): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }[]> {
  return Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const res = await fetch(`${url}/api/functions/wishes`, {
        method: 'POST',
        headers: { 'x-dev-openid': 'demo-villager-1' },
        body: JSON.stringify({ action: 'submit', input: { category: 'daily', text: `第 ${i} 个心愿：想要一床棉被` } }),
      });
      return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } };
    }),
  );
}

describe('the stand-in with STORE_LATENCY_MS', () => {
  it('shows the race of a naive count-then-add cap through its HTTP API', async () => {
    // The cap as it was before issue 6: count, then add, with a round trip between. Every other
    // action and timer of the contract is there only because defineHandler wants them all.
    const unused = Object.fromEntries(
      Object.keys(wishesContract.actions).map((name) => [
        name,
        async () => {
          throw new Error('not used in this test');
        },
      ]),
    ) as unknown as ActionsOf<typeof wishesContract>;
    const idle: Record<string, TimerImpl> = Object.fromEntries((wishesContract.timers ?? []).map((t) => [t.name, async () => ({})]));
    const naive = defineHandler(
      wishesContract,
      {
        ...unused,
        async submit({ category, text }, { deps, now, caller }) {
          const wishes = deps.store.collection('wishes');
          const open = await wishes.count({ householdId: caller.householdId!, status: { $in: [...OPEN_WISH_STATUSES] } });
          const made = submitWish({ id: deps.ids.id(), submitter: caller, category, text, openWishes: open, now });
          await wishes.add(made);
          return toOwnWish(made);
        },
        quota: async () => ({ open: 0, max: 3 }),
        mine: async () => ({ items: [], nextCursor: null }),
        pendingReview: async () => ({ items: [], nextCursor: null }),
      },
      idle,
    );
    const clock = movableClock();
    const store = openLocalStore(':memory:');
    await seedIfEmpty(store, clock);
    const deps = {
      ...localDeps(store, clock, { latencyMs: 10 }),
      log: { error: () => undefined, warn: () => undefined, info: () => undefined },
    };
    const standIn = await startStandIn({
      deps,
      staticDir: fakeH5Build(),
      port: 0,
      timers: false,
      log: () => undefined,
      functions: { wishes: naive },
    });
    try {
      await submitFifty(standIn.url);
      expect(await store.collection('wishes').count({ householdId: 'h-xinghua-01' })).toBeGreaterThan(MAX_OPEN_WISHES);
    } finally {
      await standIn.close();
      store.close();
    }
  });
});

describe('the open-wish cap under CloudBase-like latency (issue 6 points 8 and 23)', () => {
  let t: TestStandIn;
  beforeAll(async () => {
    t = await startTestStandIn({ latencyMs: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds when 50 submits of one household arrive at once', async () => {
    const members = await t.store.collection('members').find({ householdId: 'h-xinghua-01' });
    expect(members.map((m) => m.openid)).toContain('demo-villager-1');
    const answers = await submitFifty(t.url);
    const stored = await t.store.collection('wishes').count({ householdId: 'h-xinghua-01' });
    const outcomes = answers.map((a) => (a.body.ok ? 'ok' : a.body.error!.code));
    expect({ stored, outcomes: new Set(outcomes) }).toEqual({
      stored: expect.any(Number),
      outcomes: new Set(outcomes.filter((o) => ['ok', 'WISH.TOO_MANY_OPEN', 'COMMON.BUSY'].includes(o))),
    });
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(stored).toBeLessThanOrEqual(MAX_OPEN_WISHES);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(stored);
    expect(stored).toBeGreaterThan(0);
    expect(t.errors).toEqual([]);
  });
});
