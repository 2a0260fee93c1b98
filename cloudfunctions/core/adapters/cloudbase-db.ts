/**
 * The slice of @cloudbase/node-sdk's database API the adapter uses. The SDK
 * types its database as `any`; these thin types keep our side honest and let
 * tests hand in a recording fake.
 */
export interface CbResult {
  code?: string;
  message?: string;
  data?: unknown[];
  total?: number;
  updated?: number;
  deleted?: number;
  id?: string;
}

export interface CbQuery {
  where(query: Record<string, unknown>): CbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery;
  skip(n: number): CbQuery;
  limit(n: number): CbQuery;
  get(): Promise<CbResult>;
  count(): Promise<CbResult>;
  update(patch: Record<string, unknown>): Promise<CbResult>;
}

export interface CbCollection extends CbQuery {
  add(doc: Record<string, unknown>): Promise<CbResult>;
  doc(id: string): { get(): Promise<CbResult>; remove(): Promise<CbResult> };
}

export interface CbCommand {
  in(values: unknown[]): unknown;
  neq(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  set(value: unknown): unknown;
}

export interface CbDatabase {
  command: CbCommand;
  collection(name: string): CbCollection;
}
