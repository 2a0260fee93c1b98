/**
 * The daily task timer (issue 9), for `npm run bench`: one morning's run over a county of 1,000,
 * 10,000 and 100,000 households on the embedded store (a late-month morning, so it makes the month's
 * visits for every 脱贫户 and 监测户 and the helpers' two-monthly ones, and sends every cadre a
 * digest), next to raw better-sqlite3 inserts of the same task rows timed in the same run, into a
 * bare table and into one with the tasks indexes. A second run shows the idempotent path and its
 * store calls (each a round trip on CloudBase). BENCH_TASK_LEVELS=1000,10000 picks the sizes. Then
 * the largest county once more with a CloudBase-like delay before every store call
 * (BENCH_LATENCY_MS, default 20; 0 skips it), against the function's 60 s timeout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import type { HouseholdCategory } from '../types';
import type { HouseholdRecord, MemberRecord } from '../cloudfunctions/core/records';
import { tasksHandler } from '../cloudfunctions/tasks/handler';
import { movableClock } from '../local/clock';
import { localDeps } from '../local/deps';
import { withLatency } from '../local/latency-store';

export const TASK_LEVELS = (process.env.BENCH_TASK_LEVELS ?? '1000,10000,100000').split(',').map(Number);
const PER_VILLAGE = 40;
const VILLAGES_PER_TOWNSHIP = 20;
/** 003 第五条: at most five households per helper. */
const PER_HELPER = 5;
const MORNING = '2026-11-25T07:30:00+08:00';
const quiet = { warn: () => undefined, info: () => undefined, error: (m: string, d?: unknown) => console.error(m, d) };
const categories: HouseholdCategory[] = ['lifted', 'monitored', 'ordinary'];

/** A county of `households` in villages of 40, one cadre each and a helper per five 脱贫户 or 监测户, all bound. */
function seedCounty(file: string, households: number): { villages: number; helpers: number } {
  const db = new Database(file);
  const insert = (table: string) => db.prepare(`INSERT INTO c_${table} (_id, doc) VALUES (?, ?)`);
  const [county, township, village, household, member] = ['counties', 'townships', 'villages', 'households', 'members'].map(insert);
  const villages = Math.ceil(households / PER_VILLAGE);
  let helpers = 0;
  const staff = (m: Pick<MemberRecord, '_id' | 'role' | 'villageId' | 'townshipId' | 'pairedHouseholdIds'>): MemberRecord => ({
    name: m._id,
    phone: '100-0000-0000',
    scopeLevel: 'village',
    scopeId: m.villageId!,
    countyId: 'c',
    householdId: null,
    unit: '县农业农村局',
    title: null,
    openid: `wx-${m._id}`,
    ...m,
  });
  db.transaction(() => {
    county.run('c', JSON.stringify({ _id: 'c', name: '测试县' }));
    for (let t = 0; t * VILLAGES_PER_TOWNSHIP < villages; t++) {
      township.run(`t${t}`, JSON.stringify({ _id: `t${t}`, name: `第${t + 1}镇`, countyId: 'c' }));
    }
    for (let v = 0; v < villages; v++) {
      const townshipId = `t${Math.floor(v / VILLAGES_PER_TOWNSHIP)}`;
      village.run(`v${v}`, JSON.stringify({ _id: `v${v}`, name: `第${v + 1}村`, townshipId, countyId: 'c' }));
      const cadre = staff({ _id: `c${v}`, role: 'cadre', villageId: `v${v}`, townshipId, pairedHouseholdIds: [] });
      member.run(cadre._id, JSON.stringify(cadre));
      const needy: string[] = [];
      for (let h = 0; h < PER_VILLAGE && v * PER_VILLAGE + h < households; h++) {
        const doc: HouseholdRecord = {
          _id: `h${v}-${h}`,
          villageId: `v${v}`,
          address: `${(h % 4) + 1}组 ${h + 1} 号`,
          headName: `户主${h}`,
          category: categories[h % 3],
          livesAway: h % 10 === 9,
          size: 1 + (h % 5),
          phone: '100-0000-0000',
        };
        household.run(doc._id, JSON.stringify(doc));
        if (doc.category !== 'ordinary') needy.push(doc._id);
      }
      for (let k = 0; k * PER_HELPER < needy.length; k++) {
        const helper = staff({
          _id: `hp${v}-${k}`,
          role: 'helper',
          villageId: `v${v}`,
          townshipId,
          pairedHouseholdIds: needy.slice(k * PER_HELPER, (k + 1) * PER_HELPER),
        });
        member.run(helper._id, JSON.stringify(helper));
        helpers++;
      }
    }
  })();
  db.close();
  return { villages, helpers };
}

/** Inserts the rows one prepared statement at a time, as the store does (no batching transaction): the floor. */
function rawInserts(db: Database.Database, table: string, rows: { _id: string; doc: string }[]): number {
  const insert = db.prepare(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`);
  const t = performance.now();
  for (const r of rows) insert.run(r._id, r.doc);
  return (performance.now() - t) / 1000;
}

const timer = (deps: Deps) => tasksHandler.invoke({}, { openid: null, source: 'timer', trigger: 'daily' }, deps);

async function level(dir: string, households: number, run: number) {
  const file = join(dir, `tasks-${households}-${run}.db`);
  const sqlite = openSqliteStore(file);
  const county = seedCounty(file, households);
  const clock = movableClock();
  clock.set(new Date(MORNING));
  const deps: Deps = { ...localDeps(sqlite, clock), log: quiet };

  const t = performance.now();
  const first = await timer(deps);
  const seconds = (performance.now() - t) / 1000;
  if (!first.ok) throw new Error(first.error.code);

  const calls = { n: 0 };
  const counted: Deps = { ...deps, store: withLatency(sqlite, 1, async () => void calls.n++) };
  const t2 = performance.now();
  const second = await timer(counted);
  const again = (performance.now() - t2) / 1000;
  if (!second.ok) throw new Error(second.error.code);

  const db = new Database(file);
  const rows = db.prepare('SELECT _id, doc FROM c_tasks').all() as { _id: string; doc: string }[];
  db.exec('CREATE TABLE c_raw_tasks (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  db.exec('CREATE TABLE c_raw_tasks_indexed AS SELECT * FROM c_tasks WHERE 0');
  const indexSql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_tasks' AND sql IS NOT NULL`).all() as {
    sql: string;
  }[];
  for (const ix of indexSql) db.exec(ix.sql.replace(/"ix_tasks_/, '"ix_raw_tasks_').replace(/ON "c_tasks"/, 'ON "c_raw_tasks_indexed"'));
  const bare = rawInserts(db, 'c_raw_tasks', rows);
  const indexed = rawInserts(db, 'c_raw_tasks_indexed', rows);
  db.close();
  sqlite.close();
  const data = first.data as Record<string, number>;
  return { households, ...county, data, seconds, again, calls: calls.n, bare, indexed, rows: rows.length };
}

/** The first morning of the largest county with every store call delayed, as each is a round trip on CloudBase. */
async function withCloudLatency(dir: string, households: number, ms: number) {
  const file = join(dir, `tasks-${households}-latency.db`);
  const sqlite = openSqliteStore(file);
  seedCounty(file, households);
  const clock = movableClock();
  clock.set(new Date(MORNING));
  const calls = { n: 0 };
  const store = withLatency(sqlite, ms, (wait) => (calls.n++, new Promise((r) => setTimeout(r, wait))));
  const t = performance.now();
  const res = await timer({ ...localDeps(sqlite, clock), store, log: quiet });
  if (!res.ok) throw new Error(res.error.code);
  console.log(
    `  ${households.toLocaleString('en-US')} households with ${ms} ms per store call: ${JSON.stringify(res.data)} in ` +
      `${((performance.now() - t) / 1000).toFixed(1)} s, ${calls.n.toLocaleString('en-US')} store calls (tasks function timeout: 60 s)`,
  );
  sqlite.close();
}

export async function benchTasks(dir: string, levels = TASK_LEVELS): Promise<void> {
  console.log(`\ndaily task timer (${MORNING}, hebei-2018), embedded store, beside raw inserts of the same task rows:`);
  const header = [
    'households',
    'villages',
    'helpers',
    'tasks made',
    'digests',
    'timer',
    'raw bare',
    'raw indexed',
    'timer/bare',
    'timer/indexed',
    'rerun',
    'rerun calls',
  ];
  const lines: string[][] = [];
  for (const [i, n] of levels.entries()) {
    const r = await level(dir, n, i);
    if (r.data.created !== r.rows) throw new Error(`made ${r.data.created} tasks but the table holds ${r.rows}`);
    lines.push([
      n.toLocaleString('en-US'),
      r.villages.toLocaleString('en-US'),
      r.helpers.toLocaleString('en-US'),
      r.data.created.toLocaleString('en-US'),
      r.data.digests.toLocaleString('en-US'),
      `${r.seconds.toFixed(2)} s`,
      `${r.bare.toFixed(2)} s`,
      `${r.indexed.toFixed(2)} s`,
      `${(r.seconds / r.bare).toFixed(2)}×`,
      `${(r.seconds / r.indexed).toFixed(2)}×`,
      `${r.again.toFixed(2)} s`,
      r.calls.toLocaleString('en-US'),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  lines.forEach((l) => console.log(line(l)));
  const latency = Number(process.env.BENCH_LATENCY_MS ?? 20);
  if (latency > 0) await withCloudLatency(dir, Math.max(...levels), latency);
}

if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tasks-'));
  benchTasks(dir)
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
