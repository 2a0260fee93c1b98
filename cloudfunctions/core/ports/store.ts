/**
 * The storage port. Its semantics are the ones CloudBase's document database
 * really offers, so code that passes against the embedded adapter behaves
 * the same in production:
 * - ids are chosen by the caller; adding an existing id fails with DUPLICATE_ID,
 *   which makes deterministic ids (household + rule + period) idempotent;
 * - the only atomic write is a conditional update of one document, which
 *   reports whether it changed it;
 * - a read returns at most MAX_PAGE documents: callers page;
 * - there are no multi-document transactions;
 * - collections exist before they are written (see `collections`).
 */
export const MAX_PAGE = 100;

export type Scalar = string | number | boolean | null;

export type Condition =
  | Scalar
  | { $in: Scalar[] }
  | { $ne: Scalar }
  | { $gt: string | number }
  | { $gte: string | number }
  | { $lt: string | number }
  | { $lte: string | number };

/** Top-level field conditions, all of which must hold. */
export type Where = Record<string, Condition>;

export interface FindOptions {
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  /** 1..MAX_PAGE, default MAX_PAGE. */
  limit?: number;
  skip?: number;
}

export type StoredDoc = { _id: string };

/** Top-level fields to set; each value replaces the stored one whole (objects are not merged). */
export type Patch<T> = Partial<Omit<T, '_id'>>;

export interface Collection<T extends StoredDoc> {
  add(doc: T): Promise<void>;
  get(id: string): Promise<T | null>;
  find(where: Where, options?: FindOptions): Promise<T[]>;
  count(where: Where): Promise<number>;
  /** Applies `patch` to document `id` only if it also matches `condition`; returns 1 if it did, else 0. */
  updateIf(id: string, condition: Where, patch: Patch<T>): Promise<0 | 1>;
  remove(id: string): Promise<0 | 1>;
}

export interface Store {
  collection<T extends StoredDoc>(name: CollectionName): Collection<T>;
}

export type StoreErrorCode = 'DUPLICATE_ID' | 'COLLECTION_NOT_EXIST' | 'BAD_QUERY';

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
export const isDuplicateId = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { storeCode?: unknown }).storeCode === 'DUPLICATE_ID';

export const collections = ['counties', 'townships', 'villages', 'households', 'members', 'users', 'invites', 'wishes', 'inbox'] as const;
export type CollectionName = (typeof collections)[number];

export const checkLimit = (limit: number | undefined): number => {
  const n = limit ?? MAX_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw new StoreError('BAD_QUERY', `limit must be 1..${MAX_PAGE}, got ${n}`);
  }
  return n;
};

/** Reads every document matching `where`, one page at a time. Only for bounded sets (a village's roster). */
export async function findAll<T extends StoredDoc>(
  coll: Collection<T>,
  where: Where,
  orderBy: FindOptions['orderBy'] = [{ field: '_id', direction: 'asc' }],
): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await coll.find(where, { orderBy, limit: MAX_PAGE, skip });
    all.push(...page);
    if (page.length < MAX_PAGE) return all;
  }
}

/**
 * The documents with the given ids, by id, in one read per 100 ids: on CloudBase every read is a
 * network round trip, so a list that looks up each row's relatives one by one would be slow.
 */
export async function getMany<T extends StoredDoc>(coll: Collection<T>, ids: Iterable<string>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += MAX_PAGE) {
    const chunk = unique.slice(i, i + MAX_PAGE);
    for (const doc of await coll.find({ _id: { $in: chunk } }, { limit: MAX_PAGE })) found.set(doc._id, doc);
  }
  return found;
}
