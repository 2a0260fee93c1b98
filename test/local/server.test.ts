import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movableClock, type MovableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { seedIfEmpty } from '../../local/seed';
import { MAX_BODY_BYTES, startStandIn, type StandIn } from '../../local/server';
import type { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';

let standIn: StandIn;
let store: SqliteStore;
let clock: MovableClock;
const staticDir = mkdtempSync(join(tmpdir(), 'standin-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>暖心驻村</title>');
writeFileSync(join(staticDir, 'app.3f2a.js'), 'console.log("app")'.repeat(50));

beforeEach(async () => {
  clock = movableClock();
  store = openLocalStore(':memory:');
  await seedIfEmpty(store, clock);
  standIn = await startStandIn({ deps: { ...localDeps(store, clock), log: { error: () => undefined, info: () => undefined } }, staticDir, port: 0, timers: false, log: () => undefined });
});
afterEach(async () => {
  await standIn.close();
  store.close();
});

const call = async (name: string, body: unknown, openid?: string) => {
  const res = await fetch(`${standIn.url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('the stand-in runs the cloud functions over HTTP', () => {
  it('carries a villager\'s wish to the cadre of the same village only', async () => {
    const submitted = await call('wishes', { action: 'submit', input: { category: 'daily', text: '想要一个新的暖水瓶' } }, 'demo-villager-1');
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
    expect((await call('users', { action: 'whoami', input: {} })).body).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } });
    expect((await call('users', { action: 'whoami', input: {} }, 'demo-office-1')).body.data.profile.role).toBe('office');
  });

  it('answers an unknown function, broken JSON and an oversized body in the envelope, without a stack trace', async () => {
    expect(await call('payments', { action: 'x' }, 'demo-cadre-1')).toMatchObject({ status: 404, body: { ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } } });
    expect(await call('wishes', '{"action":', 'demo-cadre-1')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'COMMON.BAD_REQUEST' } } });
    const huge = { action: 'submit', input: { category: 'daily', text: 'x'.repeat(MAX_BODY_BYTES) } };
    expect(await call('wishes', huge, 'demo-villager-1')).toMatchObject({ status: 413, body: { ok: false } });
    expect(await store.collection('wishes').count({ submitterId: 'm-xinghua-01-1' })).toBe(0);
  });
});

describe('the stand-in\'s dev endpoints', () => {
  it('lists the demo users with their villages', async () => {
    const users = (await (await fetch(`${standIn.url}/api/dev/users`)).json()) as any[];
    expect(users).toContainEqual({ openid: 'demo-villager-1', role: 'villager', name: '王秀兰', villageId: 'v-xinghua', villageName: '杏花村' });
    expect(users).toContainEqual(expect.objectContaining({ openid: 'demo-office-1', villageId: null, villageName: null }));
  });

  it('moves the clock, which the functions then read, and resets it', async () => {
    const moved = await fetch(`${standIn.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ now: '2027-02-10T09:00:00+08:00' }) });
    expect(await moved.json()).toMatchObject({ now: expect.stringMatching(/^2027-02-10T01:00:0/), real: false });
    const wish = await call('wishes', { action: 'submit', input: { category: 'daily', text: '过年想要一副春联' } }, 'demo-villager-1');
    expect(wish.body.data.createdAt).toMatch(/^2027-02-10T01:00/);
    const bad = await fetch(`${standIn.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ now: 'tomorrow' }) });
    expect(bad.status).toBe(400);
    const reset = await fetch(`${standIn.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ now: null }) });
    expect(await reset.json()).toMatchObject({ real: true });
  });

  it('fires a timer by hand, landing reminders in the cadres\' inboxes', async () => {
    const fired = await fetch(`${standIn.url}/api/dev/timers/wishes`, { method: 'POST' });
    expect(await fired.json()).toEqual({ ok: true, data: { cadres: 3, notified: 3 } });
    const inbox = await call('inbox', { action: 'list', input: {} }, 'demo-cadre-1');
    expect(inbox.body.data.items[0]).toMatchObject({ title: '心愿待审核', read: false });
    expect((await fetch(`${standIn.url}/api/dev/timers/users`, { method: 'POST' })).status).toBe(404);
  });

  it('fires the 08:00 timer on its own once the clock passes 08:00 in China', async () => {
    clock.set(new Date('2026-11-25T07:59:58+08:00'));
    expect(await standIn.scheduler.tick()).toEqual([]);
    clock.set(new Date('2026-11-25T08:00:01+08:00'));
    expect(await standIn.scheduler.tick()).toEqual(['wishes']);
    expect(await standIn.scheduler.tick()).toEqual([]);
    expect(await store.collection('inbox').count({ to: 'm-cadre-1' })).toBe(1);
  });

  it('replays nothing when the clock moves back', async () => {
    clock.set(new Date('2026-11-25T09:00:00+08:00'));
    await standIn.scheduler.tick();
    clock.set(new Date('2026-11-20T09:00:00+08:00'));
    expect(await standIn.scheduler.tick()).toEqual([]);
  });
});

describe('the stand-in serves the H5 build', () => {
  it('gzips hashed assets with a long cache and falls back to index.html for other paths', async () => {
    const asset = await fetch(`${standIn.url}/app.3f2a.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${standIn.url}/pages/index`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('暖心驻村');
  });

  it('never serves a file outside the build folder', async () => {
    const res = await fetch(`${standIn.url}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(403);
  });
});
