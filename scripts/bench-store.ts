/**
 * Figures for the embedded store and the handlers as the data grows: each action's rate
 * with 0, 10,000 and 100,000 documents already stored, next to raw better-sqlite3 inserts
 * timed in the same run on the same file (these machines are noisy; compare within a run),
 * store round trips per call (what predicts latency on CloudBase, where each one crosses
 * the network), and the review-reminder timer on a county of 100,000 households with a
 * CloudBase-like delay per store call. `npm run bench`; BENCH_LEVELS=0,10000 picks levels. Then the
 * daily task timer at 1,000, 10,000 and 100,000 households beside raw inserts of its task rows
 * (scripts/bench-tasks.ts; BENCH_TASK_LEVELS picks those).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { rosterSchema, type RosterInput } from '../types/roster';
import { wishCategorySchema } from '../types/wishes';
import type { FunctionName } from '../types';
import { rosterRecords } from '../cloudfunctions/core/domain/roster';
import { importRoster } from '../cloudfunctions/core/roster-import';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import { movableClock } from '../local/clock';
import { localDeps } from '../local/deps';
import type { Store } from '../cloudfunctions/core/ports/store';
import type { InboxRecord, WishRecord } from '../cloudfunctions/core/records';
import { wishRecord } from '../test/support/wish-record';
import { handlers } from '../cloudfunctions/registry';
import { withLatency } from '../local/latency-store';
import { benchTasks } from './bench-tasks';
import { benchWall } from './bench-wall';

const LEVELS = (process.env.BENCH_LEVELS ?? '0,10000,100000').split(',').map(Number);
const VILLAGES = 50;
const HOUSEHOLDS = 40;
const quiet = { warn: () => undefined, info: () => undefined, error: (m: string, d?: unknown) => console.error(m, d) };

function county(villages: number, households: number, villagers = true): RosterInput {
  const vs = Array.from({ length: villages }, (_, v) => ({
    id: `v${v}`,
    name: `第${v + 1}村`,
    households: Array.from({ length: households }, (_, h) => ({
      id: `h${v}-${h}`,
      address: `${(h % 4) + 1}组 ${h + 1} 号`,
      headName: `户主${h}`,
      category: (['lifted', 'monitored', 'ordinary'] as const)[h % 3],
      size: 1 + (h % 5),
      phone: '100-0000-0000',
      members: villagers ? [{ id: `m${v}-${h}`, name: `村民${h}`, phone: '100-0000-0000' }] : [],
    })),
  }));
  const staff = vs.flatMap((v, i) => [
    {
      id: `c${i}`,
      role: 'cadre' as const,
      name: `干部${i}`,
      phone: '100-0000-0000',
      unit: '县农业农村局',
      title: '第一书记',
      villageId: v.id,
    },
  ]);
  return { county: { id: 'c', name: '测试县' }, townships: [{ id: 't', name: '测试镇', villages: vs }], staff };
}

const filler = (i: number, at: string): WishRecord =>
  wishRecord({
    _id: `fill-${i}`,
    villageId: `fv${i % 2500}`,
    householdId: `fh${i % 100_000}`,
    submitterId: `fm${i % 100_000}`,
    text: '填充用的心愿，模拟一个已经有很多数据的县。',
    status: i % 10 === 0 ? 'pending_review' : 'confirmed',
    createdAt: at,
    updatedAt: at,
  });

/** Inserts `n` documents with plain prepared statements: the floor the store is compared with. */
function rawInserts(db: Database.Database, table: string, n: number, from: number): number {
  const insert = db.prepare(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`);
  const at = new Date().toISOString();
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const doc = filler(from + i, at);
    insert.run(doc._id, JSON.stringify(doc));
  }
  return (n / (performance.now() - t)) * 1000;
}

interface Row {
  label: string;
  rates: string[];
  calls: string;
}

async function level(existing: number, dir: string, rows: Map<string, Row>, column: number) {
  const file = join(dir, `bench-${existing}.db`);
  const sqlite = openSqliteStore(file);
  const calls = { n: 0 };
  // Counts store round trips (each one crosses the network on CloudBase) without slowing them.
  const store = withLatency(sqlite, 1, async () => void calls.n++);
  const deps: Deps = { ...localDeps(store, movableClock()), log: quiet };
  const records = rosterRecords(rosterSchema.parse(county(VILLAGES, HOUSEHOLDS)));
  await importRoster(sqlite, records);
  const db = new Database(file);
  const boundAt = new Date().toISOString();
  db.transaction(() => {
    const user = db.prepare(`INSERT INTO c_users (_id, doc) VALUES (?, ?)`);
    const bind = db.prepare(`UPDATE c_members SET doc = json_set(doc, '$.openid', ?) WHERE _id = ?`);
    for (const m of records.members) {
      user.run(`wx-${m._id}`, JSON.stringify({ _id: `wx-${m._id}`, memberId: m._id, boundAt }));
      bind.run(`wx-${m._id}`, m._id);
    }
    // Documents already there: wishes of other villages and messages to other people.
    const wish = db.prepare(`INSERT INTO c_wishes (_id, doc) VALUES (?, ?)`);
    const message = db.prepare(`INSERT INTO c_inbox (_id, doc) VALUES (?, ?)`);
    for (let i = 0; i < existing; i++) {
      const at = new Date(Date.now() - (existing - i) * 60_000).toISOString();
      const w = filler(i, at);
      wish.run(w._id, JSON.stringify(w));
      const m: InboxRecord = {
        _id: `msg-${i}`,
        dedupeKey: `k${i}`,
        to: `fm${i % 100_000}`,
        title: '通知',
        body: '内容',
        link: null,
        createdAt: at,
        readAt: null,
      };
      message.run(m._id, JSON.stringify(m));
    }
  })();
  db.exec('CREATE TABLE IF NOT EXISTS c_raw (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  // The same table and indexes as wishes, so the cost of indexing shows apart from the store's own.
  db.exec('CREATE TABLE IF NOT EXISTS c_raw_indexed AS SELECT * FROM c_wishes WHERE 0');
  for (const ix of db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_wishes' AND sql IS NOT NULL`).all() as {
    sql: string;
  }[]) {
    db.exec(ix.sql.replace(/"ix_wishes_/, '"ix_raw_').replace(/ON "c_wishes"/, 'ON "c_raw_indexed"'));
  }

  const villager = (i: number) => `wx-m${i % VILLAGES}-${Math.floor(i / VILLAGES) % HOUSEHOLDS}`;
  const cadre = (i: number) => `wx-c${i % VILLAGES}`;
  const categories = wishCategorySchema.options;
  const record = (label: string, rate: number, perCall: number) => {
    const row = rows.get(label) ?? { label, rates: LEVELS.map(() => ''), calls: '' };
    row.rates[column] = Math.round(rate).toLocaleString('en-US');
    row.calls = perCall.toFixed(1);
    rows.set(label, row);
  };
  async function measure(label: string, n: number, openid: (i: number) => string, fn: FunctionName, event: (i: number) => unknown) {
    calls.n = 0;
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const res = await handlers[fn].invoke(event(i), { openid: openid(i), source: 'client' }, deps);
      if (!res.ok) throw new Error(`${label}: ${res.error.code} ${res.error.message}`);
    }
    record(label, (n / (performance.now() - t)) * 1000, calls.n / n);
  }

  const households = VILLAGES * HOUSEHOLDS;
  record('raw insert, bare table (baseline)', rawInserts(db, 'c_raw', households, 0), 1);
  record('raw insert, table with the wishes indexes', rawInserts(db, 'c_raw_indexed', households, 0), 1);
  await measure('wishes.submit', households, villager, 'wishes', (i) => ({
    action: 'submit',
    input: { category: categories[i % categories.length], text: `想要一盏台灯给孩子写作业，第${i}个心愿。` },
  }));
  record('raw insert, bare table (again, after)', rawInserts(db, 'c_raw', households, households), 1);
  await measure('wishes.mine', 1000, villager, 'wishes', () => ({ action: 'mine', input: {} }));
  await measure('wishes.pendingReview (20 a page)', 500, cadre, 'wishes', () => ({ action: 'pendingReview', input: { limit: 20 } }));
  await measure('inbox.list', 1000, cadre, 'inbox', () => ({ action: 'list', input: {} }));
  await measure('users.roster (cadre, 20 a page)', 500, cadre, 'users', () => ({ action: 'roster', input: { limit: 20 } }));
  db.close();
  sqlite.close();
}

/** The review reminder over 2,500 villages and 100,000 households, each store call delayed as on CloudBase. */
async function countyTimer(dir: string, latencyMs: number) {
  const sqlite = openSqliteStore(join(dir, 'county.db'));
  const records = rosterRecords(rosterSchema.parse(county(2500, 40, false)));
  await importRoster(sqlite, { ...records, households: [] });
  const db = new Database(join(dir, 'county.db'));
  db.transaction(() => {
    const wish = db.prepare(`INSERT INTO c_wishes (_id, doc) VALUES (?, ?)`);
    for (let i = 0; i < 20_000; i++) {
      const w = { ...filler(i, new Date(Date.now() - i * 1000).toISOString()), villageId: `v${Math.floor(i / 10) % 2500}` };
      wish.run(w._id, JSON.stringify(w));
    }
  })();
  db.close();
  const calls = { n: 0 };
  const store: Store = withLatency(sqlite, latencyMs, (ms) => (calls.n++, new Promise((r) => setTimeout(r, ms))));
  const deps: Deps = { ...localDeps(store, movableClock()), log: quiet };
  const t = performance.now();
  const res = await handlers.wishes.invoke({}, { openid: null, source: 'timer', trigger: 'daily' }, deps);
  const seconds = (performance.now() - t) / 1000;
  if (!res.ok) throw new Error(res.error.code);
  console.log(
    `\nreview reminder, 2,500 villages / 100,000 households / 2,000 wishes waiting, ${latencyMs} ms per store call:\n` +
      `  ${JSON.stringify(res.data)} in ${seconds.toFixed(1)} s, ${calls.n} store calls (wishes function timeout: 60 s)`,
  );
  sqlite.close();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const rows = new Map<string, Row>();
  console.log(`county for the rates: ${VILLAGES} villages, ${VILLAGES * HOUSEHOLDS} households; SQLite file in WAL mode`);
  for (const [i, n] of LEVELS.entries()) await level(n, dir, rows, i);
  const header = ['ops/s with N documents stored', ...LEVELS.map((n) => `N=${n.toLocaleString('en-US')}`), 'store calls/op'];
  const table = [...rows.values()].map((r) => [r.label, ...r.rates, r.calls]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  table.forEach((r) => console.log(line(r)));
  await countyTimer(dir, Number(process.env.BENCH_LATENCY_MS ?? 20));
  await benchWall(dir);
  await benchTasks(dir);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
