/**
 * The slice of @cloudbase/node-sdk's database API (@cloudbase/database 1.4.3) the
 * adapter uses. The SDK types its database as `any`; these thin types keep our side
 * honest and let tests hand in a recording fake.
 *
 * With node-sdk's default `throwOnCode`, a failure the server reports with a `code`
 * is thrown as an Error carrying that code; with `throwOnCode` off it comes back as
 * a result with `code`. The adapter handles both.
 */
export interface CbResult {
  code?: string;
  message?: string;
  /** An array for queries and for `doc(id).get()`; inside a transaction `doc(id).get()` gives the document or null. */
  data?: unknown;
  total?: number;
  updated?: number;
  deleted?: number;
  id?: string;
}

export interface CbQuery {
  where(query: Record<string, unknown>): CbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery;
  limit(n: number): CbQuery;
  get(): Promise<CbResult>;
  count(): Promise<CbResult>;
  update(patch: Record<string, unknown>): Promise<CbResult>;
}

export interface CbDocument {
  get(): Promise<CbResult>;
  update(patch: Record<string, unknown>): Promise<CbResult>;
  remove(): Promise<CbResult>;
}

export interface CbCollection extends CbQuery {
  add(doc: Record<string, unknown>): Promise<CbResult>;
  doc(id: string): CbDocument;
}

export interface CbCommand {
  in(values: unknown[]): unknown;
  neq(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  /** Makes an object value replace the stored one instead of being merged into it. */
  set(value: unknown): unknown;
  inc(by: number): unknown;
}

/** What `runTransaction` hands its callback: collections whose single-document operations run inside the transaction. */
export interface CbTransaction {
  collection(name: string): CbCollection;
}

export interface CbDatabase {
  command: CbCommand;
  collection(name: string): CbCollection;
  /** Retries the callback on DATABASE_TRANSACTION_CONFLICT until `times` retries are spent (so `times + 1` attempts). */
  runTransaction<R>(callback: (tx: CbTransaction) => Promise<R>, times?: number): Promise<R>;
}
