import { MAX_BODY_BYTES } from '../../local/server';
import { startTestStandIn, type TestStandIn } from './stand-in';

let t: TestStandIn;
beforeEach(async () => {
  t = await startTestStandIn();
});
afterEach(async () => {
  await t.close();
});

const call = async (name: string, body: unknown, openid?: string) => {
  const res = await fetch(`${t.url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const post = (path: string, body?: unknown) =>
  fetch(`${t.url}${path}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('the stand-in runs the cloud functions over HTTP', () => {
  it("carries a villager's wish to the cadre of the same village only", async () => {
    const submitted = await call(
      'wishes',
      { action: 'submit', input: { category: 'daily', text: '想要一个新的暖水瓶' } },
      'demo-villager-1',
    );
    expect(submitted).toMatchObject({ status: 200, body: { ok: true, data: { status: 'pending_review' } } });
    const texts = async (openid: string) => {
      const r = await call('wishes', { action: 'pendingReview', input: {} }, openid);
      return r.body.ok ? r.body.data.items.map((w: { text: string }) => w.text) : r.body.error.code;
    };
    expect(await texts('demo-cadre-1')).toContain('想要一个新的暖水瓶');
    expect(await texts('demo-cadre-3')).not.toContain('想要一个新的暖水瓶');
    expect(await texts('demo-helper-1')).toBe('COMMON.FORBIDDEN');
  });

  it('identifies the caller only by the x-dev-openid header', async () => {
    expect((await call('users', { action: 'whoami', input: {} })).body).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    });
    expect((await call('users', { action: 'whoami', input: {} }, 'demo-office-1')).body.data.profile.role).toBe('office');
  });

  it('answers an unknown function, broken JSON and an oversized body in the envelope, without a stack trace', async () => {
    expect(await call('payments', { action: 'x' }, 'demo-cadre-1')).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } },
    });
    expect(await call('wishes', '{"action":', 'demo-cadre-1')).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'COMMON.BAD_REQUEST' } },
    });
    const huge = { action: 'submit', input: { category: 'daily', text: 'x'.repeat(MAX_BODY_BYTES) } };
    expect(await call('wishes', huge, 'demo-villager-1')).toMatchObject({ status: 413, body: { ok: false } });
    expect(await t.store.collection('wishes').count({ submitterId: 'm-xinghua-01-1' })).toBe(0);
  });

  it('answers a known path with the wrong method 405, naming the allowed ones', async () => {
    const res = await fetch(`${t.url}/api/functions/wishes`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } });
  });
});

describe("the stand-in's dev endpoints", () => {
  it('lists the demo users with their villages', async () => {
    const users = (await (await fetch(`${t.url}/api/dev/users`)).json()) as any[];
    expect(users).toContainEqual({
      openid: 'demo-villager-1',
      role: 'villager',
      name: '王秀兰',
      villageId: 'v-xinghua',
      villageName: '杏花村',
    });
    expect(users).toContainEqual(expect.objectContaining({ openid: 'demo-office-1', villageId: null, villageName: null }));
  });

  it('moves the clock, which the functions then read, and resets it', async () => {
    const moved = await post('/api/dev/clock', { now: '2027-02-10T09:00:00+08:00' });
    expect(await moved.json()).toMatchObject({ now: expect.stringMatching(/^2027-02-10T01:00:0/), real: false });
    const wish = await call('wishes', { action: 'submit', input: { category: 'daily', text: '过年想要一副春联' } }, 'demo-villager-1');
    expect(wish.body.data.createdAt).toMatch(/^2027-02-10T01:00/);
    expect((await post('/api/dev/clock', { now: 'tomorrow' })).status).toBe(400);
    const reset = await post('/api/dev/clock', { now: null });
    expect(await reset.json()).toMatchObject({ real: true });
  });

  it('refuses clock bodies that are not { now: instant | null } with 400 and leaves the clock alone', async () => {
    for (const body of [null, [], 42, {}, { now: {} }, { now: 1700000000000 }, { now: '' }]) {
      const res = await post('/api/dev/clock', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    }
    expect(t.clock.isReal()).toBe(true);
  });

  it('keeps the clock within four-digit years, so stored instants still sort as text', async () => {
    for (const now of ['+010000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '9999-06-01T00:00:00Z', '1969-12-31T23:59:59Z']) {
      expect({ now, status: (await post('/api/dev/clock', { now })).status }).toEqual({ now, status: 400 });
    }
    expect(t.clock.isReal()).toBe(true);
    expect((await post('/api/dev/clock', { now: '9998-12-31T00:00:00Z' })).status).toBe(200);
  });
});

describe('the stand-in fires timers by hand', () => {
  const reminder = 'daily';
  /** The cadre's wish review reminders (the seed's visit work leaves digests in the inbox too). */
  const reviewReminders = async () =>
    (await t.store.collection('inbox').find({ to: 'm-cadre-1' })).filter((m) => m.title === '心愿待审核').length;

  it("fires one timer of a function, landing reminders in the cadres' inboxes", async () => {
    const fired = await post(`/api/dev/timers/wishes/${reminder}`);
    expect(await fired.json()).toMatchObject({ ok: true, data: { cadres: 3, notified: 3 } });
    const inbox = await call('inbox', { action: 'list', input: {} }, 'demo-cadre-1');
    expect(inbox.body.data.items[0]).toMatchObject({ title: '心愿待审核', read: false });
  });

  it("fires all of a function's timers, each answer under its timer's name", async () => {
    const fired = await post('/api/dev/timers/wishes');
    const body = (await fired.json()) as { ok: boolean; data: Record<string, unknown> };
    expect(Object.keys(body.data)).toEqual([reminder]);
    expect(body).toMatchObject({ ok: true, data: { [reminder]: { ok: true, data: { cadres: 3, notified: 3 } } } });
    expect(await reviewReminders()).toBe(1);
  });

  it('answers 404 in the envelope for a function without timers, an unknown timer or an unknown function', async () => {
    for (const path of [
      '/api/dev/timers/users',
      '/api/dev/timers/wishes/nightly',
      '/api/dev/timers/payments',
      '/api/dev/timers/constructor',
      `/api/dev/timers/users/${reminder}`,
    ]) {
      const res = await post(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.json()).toEqual({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', message: expect.any(String) } });
    }
    expect(await reviewReminders()).toBe(0);
  });

  /** The timers of the daily schedule: those that run every half hour or hour (notices, consults) fire at every step. */
  const frequent = new Set(['consults/hourly', 'notices/tick']);
  const dailyTick = async () => (await t.standIn.scheduler.tick()).filter((key) => !frequent.has(key));

  it('fires the 08:00 timer on its own once the clock passes 08:00 in China', async () => {
    t.clock.set(new Date('2026-11-25T07:59:58+08:00'));
    expect(await dailyTick()).toEqual([]);
    t.clock.set(new Date('2026-11-25T08:00:01+08:00'));
    expect(await dailyTick()).toEqual([`wishes/${reminder}`]);
    expect(await dailyTick()).toEqual([]);
    expect(await reviewReminders()).toBe(1);
  });

  it('fires the 07:30 task timer on its own, before the 08:00 reminder, and a second firing by hand makes nothing more', async () => {
    // Moving on from real time passes earlier mornings' timers: let those fire the day before.
    t.clock.set(new Date('2031-02-28T23:00:00+08:00'));
    await t.standIn.scheduler.tick();
    t.clock.set(new Date('2031-03-01T07:29:58+08:00'));
    expect(await dailyTick()).toEqual([]);
    const before = await t.store.collection('tasks').count({});
    t.clock.set(new Date('2031-03-01T07:30:01+08:00'));
    expect(await dailyTick()).toEqual(['tasks/daily']);
    // March's visits for the county's 脱贫户 and 监测户.
    const made = (await t.store.collection('tasks').count({})) - before;
    expect(made).toBeGreaterThan(0);
    const again = await post('/api/dev/timers/tasks/daily');
    expect(await again.json()).toMatchObject({ ok: true, data: { created: 0, digests: 0 } });
    expect(await t.store.collection('tasks').count({})).toBe(before + made);
  });

  it('replays nothing when the clock moves back', async () => {
    t.clock.set(new Date('2026-11-25T09:00:00+08:00'));
    await t.standIn.scheduler.tick();
    t.clock.set(new Date('2026-11-20T09:00:00+08:00'));
    expect(await t.standIn.scheduler.tick()).toEqual([]);
  });
});
