import type { wishesContract, Cursor, PageInput, WishCategory } from '../../types';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import { DEFAULT_PAGE_SIZE, keysetPage, type Page } from '../core/paging';
import { MAX_PAGE, type Collection, type Order, type Where } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';
import { changeWish } from './change-wish';
import { toDetail } from './wish-detail';
import { toCards, viewerOf } from './wall-view';

/**
 * The queries behind one wall page. CloudBase has no OR across fields in an indexed query, so a
 * helper's or cadre's wall is three conjunctions, each served by its own index (core/indexes.ts):
 * the village-scope wishes of their village, the township-scope wishes of their township and the
 * county-scope wishes of their county. The three sets are disjoint (a wish has one scope) and
 * each is read in the wall's order, so merging them by (publishedAt, _id) gives the page, and
 * the last card's (publishedAt, _id) is a cursor all three understand. An office sees everything
 * published in its area: one query.
 */
export function wallQueries(caller: MemberRecord, category?: WishCategory): Where<WishRecord>[] {
  const base: Where<WishRecord> = { status: 'published', ...(category ? { category } : {}) };
  if (caller.role === 'office') {
    if (caller.scopeLevel === 'county') return [{ ...base, countyId: caller.countyId }];
    if (caller.scopeLevel === 'township') return [{ ...base, townshipId: caller.scopeId }];
  }
  const queries: Where<WishRecord>[] = [{ ...base, scope: 'county', countyId: caller.countyId }];
  if (caller.townshipId) queries.unshift({ ...base, scope: 'township', townshipId: caller.townshipId });
  if (caller.villageId) queries.unshift({ ...base, scope: 'village', villageId: caller.villageId });
  return queries;
}

/** One keyset page of the union of disjoint queries that share an order: each read after the cursor, merged. */
export async function mergedPage(
  coll: Collection<WishRecord>,
  queries: Where<WishRecord>[],
  order: Order<WishRecord> & { field: 'publishedAt' },
  input: PageInput<Cursor>,
): Promise<Page<WishRecord>> {
  const limit = Math.min(input.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE - 1);
  if (queries.length === 1) return keysetPage(coll, queries[0], order, { cursor: input.cursor, limit });
  const pages = await Promise.all(queries.map((q) => keysetPage(coll, q, order, { cursor: input.cursor, limit })));
  const sign = order.direction === 'desc' ? -1 : 1;
  const key = (w: WishRecord) => `${w.publishedAt ?? ''}\u0000${w._id}`;
  const merged = pages.flatMap((p) => p.items).sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const items = merged.slice(0, limit);
  const more = merged.length > limit || pages.some((p) => p.nextCursor !== null);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? JSON.stringify([last.publishedAt, last._id]) : null };
}

/** The wish wall, a wish's own page, and widening a wish beyond its village. */
export const wallActions = {
  async wall(input, { deps, now, caller }) {
    const order = { field: 'publishedAt', direction: input.sort === 'longest_waiting' ? 'asc' : 'desc' } as const;
    const page = await mergedPage(deps.store.collection('wishes'), wallQueries(caller, input.category), order, input);
    return { items: await toCards(deps, page.items, now), nextCursor: page.nextCursor };
  },

  async get({ id }, { deps, now, caller }) {
    const wish = await deps.store.collection('wishes').get(id);
    const viewer = wish ? viewerOf(caller, wish) : null;
    if (!wish || !caller || !viewer) throw new DomainError('WISH.NOT_FOUND');
    return toDetail(deps, wish, caller, viewer, now);
  },

  async widen({ id, scope }, { deps, now, caller }) {
    const { after } = await changeWish(deps, id, { kind: 'widen', scope }, { kind: 'member', member: caller }, now, {
      visible: (w) => viewerOf(caller, w) !== null,
    });
    return { id: after._id, status: after.status, scope: after.scope };
  },
} satisfies Partial<ActionsOf<typeof wishesContract>>;
