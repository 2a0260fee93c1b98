import { patchFields, StoreError, type Condition } from '../ports/store';
import type { CbCommand, CbResult } from './cloudbase-db';

/**
 * A hidden version field that every conditional update raises. CloudBase's `updated`
 * may count the documents an update modified rather than those it matched, so an update
 * whose patch changes nothing would read as "condition failed"; raising `_rev` makes
 * every matched document a modified one. Reads drop it, so records look the same as on
 * the embedded store.
 */
export const REVISION = '_rev';

export const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

type Coded = { code?: unknown; message?: unknown } | null | undefined;

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const codeOf = (e: Coded): string => text(e?.code);

/** runTransaction retries only errors whose `code` is exactly this one. */
export const isConflict = (e: unknown): boolean => codeOf(e as Coded) === CONFLICT_CODE;

/** CloudBase reports some failures by throwing and some by resolving with a `code`; both end up here. */
export function storeError(e: Coded, what: string): Error {
  const said = `${codeOf(e)} ${text(e?.message)}`.trim();
  if (/DUPLICATE/i.test(said)) return new StoreError('DUPLICATE_ID', `${what}: duplicate id`);
  if (/COLLECTION_NOT_EXIST|collection.*not exist/i.test(said)) return new StoreError('COLLECTION_NOT_EXIST', `${what}: ${said}`);
  return new Error(`${what} failed: ${said}`);
}

/**
 * Runs one SDK call and turns either way of failing into the port's errors. Inside a
 * transaction (`inTransaction`) a write conflict leaves as an error whose `code` is
 * DATABASE_TRANSACTION_CONFLICT instead, or runTransaction would not run the work again.
 */
export async function run(what: string, call: () => Promise<CbResult>, inTransaction = false): Promise<CbResult> {
  let res: CbResult;
  try {
    res = await call();
  } catch (e) {
    if (inTransaction && isConflict(e)) throw e;
    throw storeError(e as Coded, what);
  }
  if (res?.code) {
    if (inTransaction && isConflict(res)) throw Object.assign(new Error(`${what}: ${text(res.message) || res.code}`), { code: res.code });
    throw storeError(res, what);
  }
  return res;
}

function condition(cmd: CbCommand, c: Condition): unknown {
  if (c === null || typeof c !== 'object') return c;
  if ('$in' in c) return cmd.in(c.$in);
  if ('$ne' in c) return cmd.neq(c.$ne);
  if ('$gt' in c) return cmd.gt(c.$gt);
  if ('$gte' in c) return cmd.gte(c.$gte);
  if ('$lt' in c) return cmd.lt(c.$lt);
  if ('$lte' in c) return cmd.lte(c.$lte);
  throw new StoreError('BAD_QUERY', `unknown condition ${JSON.stringify(c)}`);
}

/** One where() with every condition: CloudBase's second where() replaces the first. */
export const toQuery = (cmd: CbCommand, where: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(where as Record<string, Condition | undefined>)
      .filter((e): e is [string, Condition] => e[1] !== undefined)
      .map(([k, c]) => [k, condition(cmd, c)]),
  );

/** update() merges nested objects; set() makes an object value replace the stored one, as the port promises. */
export function toUpdate(cmd: CbCommand, patch: object): Record<string, unknown> {
  return Object.fromEntries(patchFields(patch).map(([k, v]) => [k, v !== null && typeof v === 'object' ? cmd.set(v) : v]));
}

/** A stored document as the port's records look: without the hidden revision. */
export function toRecord<T>(doc: unknown): T {
  if (doc === null || typeof doc !== 'object') return doc as T;
  const { [REVISION]: _revision, ...record } = doc as Record<string, unknown>;
  return record as T;
}
