import type { Cursor, PageInput } from '../../types';
import { MAX_PAGE, type Collection, type Order, type StoredDoc, type Where } from './ports/store';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

type Value = string | number | boolean;

/** The cursor a page ends on: the last item's sort value and id, as JSON that the contract's cursor schema reads back. */
const cursorAfter = (value: Value, id: string): string => JSON.stringify([value, id]);

/**
 * One page of `where`, ordered by `order.field` then `_id` in the same direction,
 * starting after `cursor`. Keyset paging: a page is "the next n after this item",
 * so records that arrive or leave while someone scrolls never make items repeat
 * or go missing, and a deep page costs what the first one does (no skip).
 *
 * The store's queries are conjunctions, so "after (v, id)" is read as two of them:
 * the rest of the items with value v, then the items beyond v.
 *
 * With `prefix` (ascending string fields only), only items whose value starts with it: the
 * first read starts at the prefix, and the page ends at the first value beyond it. Strings
 * that share a prefix sit together in CloudBase's and SQLite's order (both compare UTF-8
 * bytes), so this needs no upper bound: the port has one condition per field, and an upper
 * bound such as prefix + '\uffff' would miss names with characters beyond U+FFFF (生僻字
 * such as 𠮷), whose UTF-8 sorts after it.
 */
export async function keysetPage<T extends StoredDoc>(
  coll: Collection<T>,
  where: Where<T>,
  order: Order<T>,
  input: PageInput<Cursor>,
  prefix?: string,
): Promise<Page<T>> {
  const limit = Math.min(input.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE - 1);
  const field = order.field as string;
  if (field in where) throw new Error(`keysetPage: where must not constrain the sort field ${field}`);
  if (prefix !== undefined && order.direction !== 'asc') throw new Error('keysetPage: a prefix needs an ascending order');
  const beyond = order.direction === 'desc' ? '$lt' : '$gt';
  const sort: Order<T>[] = [order, { field: '_id', direction: order.direction } as Order<T>];
  const want = limit + 1;
  const found: T[] = [];
  const matches = (v: unknown) => prefix === undefined || (typeof v === 'string' && v.startsWith(prefix));
  let cursor = input.cursor;
  if (cursor && !matches(cursor[0])) {
    // Another search's cursor (the name changed between pages): before the prefix, start at it; beyond it, nothing follows.
    if (String(cursor[0]) > prefix!) return { items: [], nextCursor: null };
    cursor = undefined;
  }
  if (cursor) {
    const [value, id] = cursor;
    const sameValue = { ...where, [field]: value, _id: { [beyond]: id } } as Where<T>;
    const rest = { ...where, [field]: { [beyond]: value } } as Where<T>;
    // Both at once: each is a round trip on CloudBase, and sort values rarely repeat, so the first
    // alone seldom fills a page.
    const [same, after] = await Promise.all([
      coll.find(sameValue, { orderBy: [sort[1]], limit: want }),
      coll.find(rest, { orderBy: sort, limit: want }),
    ]);
    found.push(...same, ...after);
  } else {
    const from = prefix === undefined ? where : ({ ...where, [field]: { $gte: prefix } } as Where<T>);
    found.push(...(await coll.find(from, { orderBy: sort, limit: want })));
  }
  const beyondPrefix = found.findIndex((d) => !matches((d as T & Record<string, Value>)[field]));
  if (beyondPrefix >= 0) found.length = beyondPrefix;
  const items = found.slice(0, limit);
  const last = items[items.length - 1] as (T & Record<string, Value>) | undefined;
  return { items, nextCursor: found.length > limit && last ? cursorAfter(last[field], last._id) : null };
}

/** Every document matching `where`, read in pages by id. Only for sets known to be small (a village's cadres). */
export async function findAll<T extends StoredDoc>(coll: Collection<T>, where: Where<T>): Promise<T[]> {
  if ('_id' in where) throw new Error('findAll pages by _id: where must not constrain it');
  const all: T[] = [];
  for (let after: string | null = null; ;) {
    const scope = after === null ? where : { ...where, _id: { $gt: after } };
    const page = await coll.find(scope, { orderBy: [{ field: '_id', direction: 'asc' } as Order<T>], limit: MAX_PAGE });
    all.push(...page);
    if (page.length < MAX_PAGE) return all;
    after = page[page.length - 1]._id;
  }
}

/**
 * Visits every document matching `where` in keyset pages of `pageSize`, in order:
 * for timers that sweep a county, where one read may return at most MAX_PAGE documents.
 */
export async function forEachPage<T extends StoredDoc>(
  coll: Collection<T>,
  where: Where<T>,
  order: Order<T>,
  visit: (page: T[]) => Promise<void> | void,
  pageSize = MAX_PAGE - 1,
): Promise<void> {
  for (let cursor: Cursor | undefined; ;) {
    const page = await keysetPage(coll, where, order, { cursor, limit: pageSize });
    await visit(page.items);
    if (!page.nextCursor) return;
    cursor = JSON.parse(page.nextCursor) as Cursor;
  }
}
