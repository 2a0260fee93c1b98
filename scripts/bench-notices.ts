/**
 * A red warning told to every user at once (issue 11), for `npm run bench:notices`: a township office
 * enters a red rainstorm warning for all its villages, through the notices handler on the embedded
 * store, for townships of 300, 3,000 and 15,000 bound users (villages of 300). Beside it, raw
 * better-sqlite3 inserts of the same inbox rows, timed in the same run: the floor for writing one
 * message per person. Then each size again with a CloudBase-like delay before every store call
 * (BENCH_LATENCY_MS, default 20; 0 skips it), against the 60 s a function may run.
 * BENCH_NOTICE_LEVELS=300,3000 picks the sizes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import type { MemberRecord } from '../cloudfunctions/core/records';
import { noticesHandler } from '../cloudfunctions/notices/handler';
import { movableClock } from '../local/clock';
import { localDeps } from '../local/deps';
import { withLatency } from '../local/latency-store';

const LEVELS = (process.env.BENCH_NOTICE_LEVELS ?? '300,3000,15000').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const PER_VILLAGE = 300;
const NOW = '2026-11-27T14:00:00+08:00';
const quiet = { warn: () => undefined, info: () => undefined, error: (m: string, d?: unknown) => console.error(m, d) };

/** One township of `users` bound villagers in villages of 300, and its office user, bound. */
function seedTownship(file: string, users: number): number {
  const db = new Database(file);
  const insert = (table: string) => db.prepare(`INSERT INTO c_${table} (_id, doc) VALUES (?, ?)`);
  const [county, township, village, member, user] = ['counties', 'townships', 'villages', 'members', 'users'].map(insert);
  const villages = Math.ceil(users / PER_VILLAGE);
  const person = (m: Pick<MemberRecord, '_id' | 'role' | 'villageId' | 'scopeLevel' | 'scopeId'>): MemberRecord => ({
    name: m._id,
    phone: '100-0000-0000',
    countyId: 'c',
    townshipId: 't',
    householdId: null,
    unit: null,
    title: null,
    pairedHouseholdIds: [],
    openid: `wx-${m._id}`,
    ...m,
  });
  db.transaction(() => {
    county.run('c', JSON.stringify({ _id: 'c', name: '测试县' }));
    township.run('t', JSON.stringify({ _id: 't', name: '测试镇', countyId: 'c' }));
    const office = person({ _id: 'office', role: 'office', villageId: null, scopeLevel: 'township', scopeId: 't' });
    member.run(office._id, JSON.stringify(office));
    user.run('wx-office', JSON.stringify({ _id: 'wx-office', memberId: 'office', boundAt: NOW }));
    for (let v = 0; v < villages; v++) {
      village.run(`v${v}`, JSON.stringify({ _id: `v${v}`, name: `第${v + 1}村`, townshipId: 't', countyId: 'c' }));
      for (let k = 0; k < PER_VILLAGE && v * PER_VILLAGE + k < users; k++) {
        const m = person({ _id: `m${v}-${k}`, role: 'villager', villageId: `v${v}`, scopeLevel: 'village', scopeId: `v${v}` });
        member.run(m._id, JSON.stringify(m));
      }
    }
  })();
  db.close();
  return villages;
}

const redRain = () => ({
  type: '暴雨',
  level: 'red',
  title: '暴雨红色预警',
  text: '预计未来 3 小时降雨将达 100 毫米以上，请立即转移低洼处和河道边的群众。',
  start: new Date(NOW).toISOString(),
  end: new Date(Date.parse(NOW) + 86_400_000).toISOString(),
  requestId: randomUUID(),
});

async function level(dir: string, users: number, latencyMs: number) {
  const file = join(dir, `notices-${users}-${latencyMs}.db`);
  const sqlite = openSqliteStore(file);
  const villages = seedTownship(file, users);
  const clock = movableClock();
  clock.set(new Date(NOW));
  const base = localDeps(sqlite, clock);
  const calls = { n: 0 };
  // Every store call counted; with no latency asked, counted without waiting.
  const store = withLatency(sqlite, Math.max(latencyMs, 1), async (ms) => {
    calls.n++;
    if (latencyMs > 0) await new Promise((done) => setTimeout(done, ms));
  });
  const deps: Deps = { ...base, store, notifier: localDeps(store, clock).notifier, log: quiet };

  const t = performance.now();
  const answer = await noticesHandler.invoke({ action: 'enterWarning', input: redRain() }, { openid: 'wx-office', source: 'client' }, deps);
  const seconds = (performance.now() - t) / 1000;
  if (!answer.ok) throw new Error(answer.error.code);

  const db = new Database(file);
  const rows = db.prepare('SELECT _id, doc FROM c_inbox').all() as { _id: string; doc: string }[];
  db.exec('CREATE TABLE c_raw_inbox AS SELECT * FROM c_inbox WHERE 0');
  const insert = db.prepare('INSERT INTO c_raw_inbox (_id, doc) VALUES (?, ?)');
  const t2 = performance.now();
  for (const r of rows) insert.run(r._id, r.doc);
  const raw = (performance.now() - t2) / 1000;
  db.close();
  sqlite.close();
  return { users, villages, told: rows.length, seconds, raw, calls: calls.n };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-notices-'));
  try {
    console.log('a red warning entered by a township office, told to every bound user of its villages');
    console.log('users  villages  told     handler    raw inserts  × raw   store calls');
    for (const users of LEVELS) {
      const r = await level(dir, users, 0);
      console.log(
        `${String(r.users).padStart(6)} ${String(r.villages).padStart(9)} ${String(r.told).padStart(6)} ${r.seconds.toFixed(2).padStart(9)} s ${r.raw.toFixed(3).padStart(10)} s ${(r.seconds / r.raw).toFixed(0).padStart(6)}× ${String(r.calls).padStart(12)}`,
      );
    }
    if (LATENCY_MS > 0) {
      console.log(`\nthe same with ${LATENCY_MS} ms before every store call (a CloudBase round trip), against a function's 60 s`);
      for (const users of LEVELS) {
        const r = await level(dir, users, LATENCY_MS);
        const verdict = r.seconds <= 60 ? 'within 60 s' : 'over 60 s';
        console.log(`${String(r.users).padStart(6)} users: ${r.seconds.toFixed(1)} s, ${r.calls} store calls, ${verdict}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
