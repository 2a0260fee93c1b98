import type { CollectionRecords } from '../records';

/**
 * The storage port. Its semantics are the ones CloudBase's document database
 * really offers, so code that passes against the embedded adapter behaves
 * the same in production:
 * - ids are chosen by the caller; adding an existing id fails with DUPLICATE_ID,
 *   which makes deterministic ids (household + rule + period) idempotent;
 * - a conditional update of one document is atomic and reports whether the
 *   condition held (never whether a value happened to change);
 * - a transaction reads and writes single documents by id, in several
 *   collections, with snapshot isolation; it cannot query;
 * - a read returns at most MAX_PAGE documents: callers page;
 * - collections exist before they are written (see `collections`), each with
 *   the indexes its queries need (see `../indexes`).
 */
export const MAX_PAGE = 100;

export type CollectionName = keyof CollectionRecords;
export type RecordOf<N extends CollectionName> = CollectionRecords[N];

/** Every collection, in the order provisioning creates them. */
export const collections = [
  'counties',
  'townships',
  'villages',
  'households',
  'members',
  'users',
  'invites',
  'counters',
  'requests',
  'wishes',
  'inbox',
  'tasks',
  'events',
  'visits',
  'access',
  'settings',
  'consults',
  'legalCards',
  'notices',
  'noticeRows',
  'noticeReads',
  'warningSources',
  'termNotes',
  'boardPosts',
] as const satisfies readonly CollectionName[];
// Fails to compile when a record type has no entry in `collections`.
const everyCollectionListed: Exclude<CollectionName, (typeof collections)[number]> extends never ? true : never = true;
void everyCollectionListed;

export type Scalar = string | number | boolean | null;

export type Condition<V = Scalar> =
  V | null | { $in: (V | null)[] } | { $ne: V | null } | { $gt: V } | { $gte: V } | { $lt: V } | { $lte: V };

type ScalarKeys<T> = { [K in keyof T & string]: T[K] extends Scalar ? K : never }[keyof T & string];

/** Conditions on top-level scalar fields of T, all of which must hold. A misspelled field does not compile. */
export type Where<T> = { [K in ScalarKeys<T>]?: Condition<Exclude<T[K], null>> };

export type SortField<T> = ScalarKeys<T>;
export interface Order<T> {
  field: SortField<T>;
  direction: 'asc' | 'desc';
}

export interface FindOptions<T> {
  /** Ties are broken by `_id` in the direction of the last key, unless `_id` is ordered on explicitly. */
  orderBy?: Order<T>[];
  /** 1..MAX_PAGE, default MAX_PAGE. */
  limit?: number;
}

export type StoredDoc = { _id: string };

/** Top-level fields to set; each value replaces the stored one whole (objects are not merged). */
export type Patch<T> = Partial<Omit<T, '_id'>>;

export interface Collection<T extends StoredDoc> {
  add(doc: T): Promise<void>;
  get(id: string): Promise<T | null>;
  find(where: Where<T>, options?: FindOptions<T>): Promise<T[]>;
  count(where: Where<T>): Promise<number>;
  /** Applies `patch` to document `id` only if it also matches `condition`; 1 if the condition held, else 0. */
  updateIf(id: string, condition: Where<T>, patch: Patch<T>): Promise<0 | 1>;
  remove(id: string): Promise<0 | 1>;
}

/**
 * Single-document operations inside `Store.transaction`. What it writes becomes
 * visible all together or not at all.
 */
export interface Transaction {
  get<N extends CollectionName>(name: N, id: string): Promise<RecordOf<N> | null>;
  /** Fails the transaction with DUPLICATE_ID when the id exists. */
  add<N extends CollectionName>(name: N, doc: RecordOf<N>): Promise<void>;
  /** Sets top-level fields of a document this transaction has read and found. */
  update<N extends CollectionName>(name: N, id: string, patch: Patch<RecordOf<N>>): Promise<void>;
  /** Removes a document this transaction has read and found. */
  remove<N extends CollectionName>(name: N, id: string): Promise<void>;
}

/** CloudBase's runTransaction tries three times before it gives up on conflicts. */
export const TRANSACTION_ATTEMPTS = 3;

export interface Store {
  collection<N extends CollectionName>(name: N): Collection<RecordOf<N>>;
  /**
   * Runs `work` with snapshot isolation. When another writer changed what it
   * read or wrote, `work` runs again from the start (at most
   * TRANSACTION_ATTEMPTS times, then CONFLICT), so it must do nothing but
   * transaction operations and pure computation. An error thrown by `work`
   * undoes its writes and comes out as it is.
   */
  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R>;
}

export type StoreErrorCode = 'DUPLICATE_ID' | 'COLLECTION_NOT_EXIST' | 'BAD_QUERY' | 'CONFLICT';

export class StoreError extends Error {
  constructor(
    readonly storeCode: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Duck-typed so that errors crossing bundle boundaries are still recognised. */
export const isStoreError = (e: unknown, code: StoreErrorCode): boolean =>
  typeof e === 'object' && e !== null && (e as { storeCode?: unknown }).storeCode === code;

export const isDuplicateId = (e: unknown): boolean => isStoreError(e, 'DUPLICATE_ID');

const known = new Set<string>(collections);
export function assertCollection(name: string): void {
  if (!known.has(name)) throw new StoreError('COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
}

/**
 * The fields a patch sets, the same on every adapter: a field given as undefined is left
 * as it is, `_id` never changes, and a patch must set something.
 */
export function patchFields(patch: object): [string, unknown][] {
  const fields = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (fields.some(([k]) => k === '_id')) throw new StoreError('BAD_QUERY', '_id cannot be changed');
  if (fields.length === 0) throw new StoreError('BAD_QUERY', 'empty patch');
  return fields;
}

export const checkLimit = (limit: number | undefined): number => {
  const n = limit ?? MAX_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw new StoreError('BAD_QUERY', `limit must be 1..${MAX_PAGE}, got ${n}`);
  }
  return n;
};

/** The order a query really runs in: the caller's keys, then `_id` as the tiebreak unless already there. */
export function fullOrder<T>(orderBy: Order<T>[] = []): { field: string; direction: 'asc' | 'desc' }[] {
  if (orderBy.some((o) => o.field === '_id')) return orderBy;
  const last = orderBy[orderBy.length - 1]?.direction ?? 'asc';
  return [...orderBy, { field: '_id', direction: last }];
}

/**
 * The documents with the given ids, by id, in one read per 100 ids: on CloudBase every read is a
 * network round trip, so a list that looks up each row's relatives one by one would be slow.
 * The reads run concurrently.
 */
export async function getMany<T extends StoredDoc>(coll: Collection<T>, ids: Iterable<string>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE) chunks.push(unique.slice(i, i + MAX_PAGE));
  const found = new Map<string, T>();
  const pages = await Promise.all(chunks.map((chunk) => coll.find({ _id: { $in: chunk } } as unknown as Where<T>, { limit: MAX_PAGE })));
  for (const doc of pages.flat()) found.set(doc._id, doc);
  return found;
}
