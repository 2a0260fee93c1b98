/**
 * Prints figures for the embedded store and the handlers on a county-sized roster:
 * import speed, per-call latency and, the figure that predicts CloudBase latency,
 * how many store round trips each call makes. `npm run bench`; BENCH_VILLAGES scales it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rosterSchema, type RosterInput } from '../types/roster';
import { wishCategorySchema } from '../types/wishes';
import { rosterRecords } from '../cloudfunctions/core/domain/roster';
import { importRoster } from '../cloudfunctions/core/roster-import';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import { inboxNotifier } from '../cloudfunctions/core/adapters/inbox-notifier';
import { cryptoIds } from '../cloudfunctions/core/ids';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import type { Collection, Store, StoredDoc } from '../cloudfunctions/core/ports/store';
import type { MemberRecord, UserRecord } from '../cloudfunctions/core/records';
import { handlers } from '../cloudfunctions/registry';

const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 50);
const HOUSEHOLDS = 40;
const CALLS = 300;

function county(): RosterInput {
  const villages = Array.from({ length: VILLAGES }, (_, v) => ({
    id: `v${v}`,
    name: `第${v + 1}村`,
    households: Array.from({ length: HOUSEHOLDS }, (_, h) => ({
      id: `h${v}-${h}`,
      address: `${(h % 4) + 1}组 ${h + 1} 号`,
      headName: `户主${h}`,
      category: (['lifted', 'monitored', 'ordinary'] as const)[h % 3],
      size: 1 + (h % 5),
      phone: '100-0000-0000',
      members: [{ id: `m${v}-${h}`, name: `村民${h}`, phone: '100-0000-0000' }],
    })),
  }));
  const staff = villages.flatMap((v, i) => [
    { id: `c${i}`, role: 'cadre' as const, name: `干部${i}`, phone: '100-0000-0000', unit: '县农业农村局', title: '第一书记', villageId: v.id },
  ]);
  return { county: { id: 'c', name: '测试县' }, townships: [{ id: 't', name: '测试镇', villages }], staff };
}

/** Wraps a store so that every call to it, one network round trip on CloudBase, is counted. */
function counting(store: Store): Store & { calls: number } {
  const counted = {
    calls: 0,
    collection<T extends StoredDoc>(name: Parameters<Store['collection']>[0]): Collection<T> {
      const inner = store.collection<T>(name);
      return new Proxy(inner, {
        get(target, prop) {
          const value = Reflect.get(target, prop) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            counted.calls++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
  return counted;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const sqlite = openSqliteStore(join(dir, 'bench.db'));
  const store = counting(sqlite);
  const clock = { now: () => new Date() };
  const deps: Deps = { store, clock, ids: cryptoIds, notifier: inboxNotifier(store, clock), log: { info: () => undefined, error: () => undefined } };
  const rows: string[][] = [];

  const records = rosterRecords(rosterSchema.parse(county()));
  const docs = Object.values(records).reduce((n, list) => n + list.length, 0);
  let t = performance.now();
  await importRoster(sqlite, records);
  const importMs = performance.now() - t;
  console.log(`county: ${VILLAGES} villages, ${records.households.length} households, ${records.members.length} members (SQLite file, WAL)`);
  console.log(`roster import: ${docs} documents in ${importMs.toFixed(0)} ms (${Math.round((docs / importMs) * 1000)} documents/s)\n`);

  // Bind one villager and the cadre of every village.
  for (const m of records.members.filter((x) => x._id.endsWith('-0') || x.role === 'cadre')) {
    await sqlite.collection<UserRecord>('users').add({ _id: `wx-${m._id}`, memberId: m._id, boundAt: new Date().toISOString() });
    await sqlite.collection<MemberRecord>('members').updateIf(m._id, {}, { openid: `wx-${m._id}` });
  }

  async function measure(label: string, openid: (i: number) => string | null, fn: string, event: (i: number) => unknown, source: 'client' | 'timer' = 'client', n = CALLS) {
    const times: number[] = [];
    let calls = 0;
    for (let i = 0; i < n; i++) {
      store.calls = 0;
      t = performance.now();
      const res = await handlers[fn].invoke(event(i), { openid: openid(i), source }, deps);
      times.push(performance.now() - t);
      calls += store.calls;
      if (!res.ok && res.error.code !== 'WISH.TOO_MANY_OPEN') throw new Error(`${label}: ${res.error.code} ${res.error.message}`);
    }
    times.sort((a, b) => a - b);
    rows.push([label, String(n), quantile(times, 0.5).toFixed(2), quantile(times, 0.95).toFixed(2), (calls / n).toFixed(1)]);
  }

  const villager = (i: number) => `wx-m${i % VILLAGES}-0`;
  const cadre = (i: number) => `wx-c${i % VILLAGES}`;
  const categories = wishCategorySchema.options;
  await measure('users.whoami (villager)', villager, 'users', () => ({ action: 'whoami', input: {} }));
  await measure('wishes.submit', villager, 'wishes', (i) => ({ action: 'submit', input: { category: categories[i % categories.length], text: `想要一盏台灯给孩子写作业，第${i}个心愿。` } }));
  await measure('wishes.mine', villager, 'wishes', () => ({ action: 'mine', input: {} }));
  await measure('wishes.pendingReview (cadre, 20 a page)', cadre, 'wishes', () => ({ action: 'pendingReview', input: { limit: 20 } }));
  await measure('inbox.list', cadre, 'inbox', () => ({ action: 'list', input: {} }));
  await measure(`daily review reminder (${VILLAGES} cadres)`, () => null, 'wishes', () => ({}), 'timer', 5);

  const header = ['call', 'n', 'p50 ms', 'p95 ms', 'store calls/op'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
  console.log('\nOn CloudBase each store call is a network round trip (tens of ms), so the last column dominates there.');

  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
