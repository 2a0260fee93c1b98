/**
 * The wish wall and claims (issue 8), for `npm run bench`: p50/p95 of one wall page with 10,000
 * published wishes across a 50-village county (five townships), as a helper (three indexed
 * queries merged) and as the county office (one), and claims per second. The store refuses any
 * query no index serves (requireIndexes), and the plans of the wall's queries are printed.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import { movableClock } from '../local/clock';
import { localDeps } from '../local/deps';
import type { MemberRecord, WishRecord } from '../cloudfunctions/core/records';
import { wishesHandler } from '../cloudfunctions/wishes/handler';
import { wishCategorySchema, type WishScope } from '../types/wishes';
import { wishRecord } from '../test/support/wish-record';

const VILLAGES = 50;
const TOWNSHIPS = 5;
const WISHES = 10_000;
const HELPERS_PER_VILLAGE = 4;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function seed(file: string): MemberRecord[] {
  const db = new Database(file);
  const put = (table: string, doc: { _id: string }) =>
    db.prepare(`INSERT INTO c_${table} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
  const helpers: MemberRecord[] = [];
  db.transaction(() => {
    put('counties', { _id: 'c', name: '测试县' } as never);
    for (let t = 0; t < TOWNSHIPS; t++) put('townships', { _id: `t${t}`, name: `第${t + 1}镇`, countyId: 'c' } as never);
    for (let v = 0; v < VILLAGES; v++) {
      const townshipId = `t${v % TOWNSHIPS}`;
      put('villages', { _id: `v${v}`, name: `第${v + 1}村`, townshipId, countyId: 'c' } as never);
      put('households', {
        _id: `h${v}`,
        villageId: `v${v}`,
        address: '一组 1 号',
        headName: '王秀兰',
        category: 'lifted',
        livesAway: false,
        size: 3,
        phone: '100-0000-0000',
      } as never);
      for (let k = 0; k < HELPERS_PER_VILLAGE; k++) {
        const m: MemberRecord = {
          _id: `hp${v}-${k}`,
          role: 'helper',
          name: `帮扶人${v}-${k}`,
          phone: '100-0000-0000',
          scopeLevel: 'village',
          scopeId: `v${v}`,
          villageId: `v${v}`,
          townshipId,
          countyId: 'c',
          householdId: null,
          unit: '县卫健局',
          title: null,
          pairedHouseholdIds: [],
          openid: `wx-hp${v}-${k}`,
        };
        put('members', m);
        put('users', { _id: m.openid!, memberId: m._id, boundAt: '2026-11-01T00:00:00.000Z' } as never);
        helpers.push(m);
      }
    }
    const office: MemberRecord = {
      ...helpers[0],
      _id: 'office',
      role: 'office',
      scopeLevel: 'county',
      scopeId: 'c',
      villageId: null,
      townshipId: null,
      openid: 'wx-office',
    };
    put('members', office);
    put('users', { _id: 'wx-office', memberId: 'office', boundAt: '2026-11-01T00:00:00.000Z' } as never);
    const start = Date.parse('2026-06-01T00:00:00.000Z');
    for (let i = 0; i < WISHES; i++) {
      const v = i % VILLAGES;
      // Most wishes stay in their village; some were widened to the township or the county.
      const scope: WishScope = i % 20 === 0 ? 'county' : i % 7 === 0 ? 'township' : 'village';
      const wish: WishRecord = wishRecord({
        _id: `w${i}`,
        villageId: `v${v}`,
        townshipId: `t${v % TOWNSHIPS}`,
        countyId: 'c',
        householdId: `h${v}`,
        submitterId: `m${v}`,
        status: 'published',
        scope,
        summary: '一床厚棉被',
        category: wishCategorySchema.options[i % 6],
        value: 100,
        publishedAt: new Date(start + i * 60_000).toISOString(),
      });
      put('wishes', wish);
    }
  })();
  db.close();
  return helpers;
}

export async function benchWall(dir: string): Promise<void> {
  const file = join(dir, 'wall.db');
  openSqliteStore(file).close();
  const helpers = seed(file);
  const store = openSqliteStore(file, { requireIndexes: true });
  const clock = movableClock();
  clock.set(new Date('2026-11-24T02:00:00.000Z'));
  const deps: Deps = {
    ...localDeps(store, clock),
    log: { warn: () => undefined, info: () => undefined, error: (m, d) => console.error(m, d) },
  };
  const call = async (openid: string, action: string, input: object) => {
    const res = await wishesHandler.invoke({ action, input }, { openid, source: 'client' }, deps);
    if (!res.ok) throw new Error(`${action}: ${res.error.code}`);
    return res.data as { items: unknown[]; nextCursor: string | null };
  };

  const timePages = async (who: (i: number) => string, n: number) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const input = { limit: 20, ...(i % 2 ? { sort: 'longest_waiting' } : {}), ...(i % 3 === 0 ? { category: 'study' } : {}) };
      const t = performance.now();
      const page = await call(who(i), 'wall', input);
      ms.push(performance.now() - t);
      if (page.items.length === 0) throw new Error('empty wall page');
    }
    ms.sort((a, b) => a - b);
    return `p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms`;
  };
  console.log(
    `\nwish wall, ${WISHES.toLocaleString('en-US')} published wishes, ${VILLAGES} villages in ${TOWNSHIPS} townships (every query index-checked):`,
  );
  console.log(`  helper, 20 a page (3 queries merged): ${await timePages((i) => helpers[(i * 7) % helpers.length].openid!, 400)}`);
  console.log(`  county office, 20 a page (1 query):   ${await timePages(() => 'wx-office', 400)}`);
  const plan = new Database(file, { readonly: true });
  for (const idx of ['wall_village', 'wall_township', 'wall_county', 'status_county_published']) {
    const used = plan.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`).get(`ix_wishes_${idx}`);
    if (!used) throw new Error(`index ${idx} missing`);
  }
  const sample = plan
    .prepare(
      `EXPLAIN QUERY PLAN SELECT doc FROM c_wishes WHERE json_extract(doc, '$.status') = ? AND json_extract(doc, '$.scope') = ? AND json_extract(doc, '$.villageId') = ? ORDER BY json_extract(doc, '$.publishedAt') DESC, _id DESC LIMIT 21`,
    )
    .all('published', 'village', 'v1') as { detail: string }[];
  console.log(`  plan of the village query: ${sample.map((p) => p.detail).join('; ')}`);
  plan.close();

  // Claims: each helper takes up to the limit of wishes of their own village, one after another.
  // The n-th wish of village v is w(v + 50 n); helper k of a village takes its wishes 5k to 5k + 4.
  const targets = helpers.slice(0, 100).flatMap((h, k) =>
    Array.from({ length: 5 }, (_, j) => ({
      h,
      id: `w${Number(h.villageId!.slice(1)) + VILLAGES * (j + 5 * (k % HELPERS_PER_VILLAGE))}`,
    })),
  );
  const t = performance.now();
  for (const { h, id } of targets) await call(h.openid!, 'claim', { id });
  const seconds = (performance.now() - t) / 1000;
  console.log(
    `  claims, one after another: ${(targets.length / seconds).toFixed(0)} claims/s (${targets.length} claims, notifications included)`,
  );
  store.close();
}
