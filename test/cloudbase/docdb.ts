/**
 * A small in-memory document database with the semantics CloudBase's (MongoDB-based)
 * database shows through node-sdk, for the fake gateway: Mongo-style matching and
 * ordering, update operators, an `updated` count of the documents an update really
 * modified, and transactions with snapshot reads and first-writer-wins conflicts.
 * It understands the query shapes the production adapter emits, not all of MongoDB.
 */
export type Doc = Record<string, unknown>;

export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Version {
  at: number;
  doc: Doc | null;
}

interface Tx {
  snapshot: number;
  writes: Map<string, { coll: string; id: string; doc: Doc | null }>;
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`;
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** MongoDB's order of types: null (and missing) < numbers < strings < objects < arrays < booleans. */
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'object') return 4;
  if (typeof v === 'boolean') return 8;
  return 9;
}

export function compare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return 0;
  if (ra === 4 || ra === 5) return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

const fieldOf = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Doc)[k] : undefined), doc);

const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

const equal = (a: unknown, b: unknown) =>
  a === null || a === undefined ? b === null || b === undefined : compare(a, b) === 0 && typeRank(a) === typeRank(b);

function matchesOperator(value: unknown, op: string, arg: unknown): boolean {
  switch (op) {
    case '$eq':
      return equal(value, arg);
    case '$ne':
    case '$neq':
      return !equal(value, arg);
    case '$in':
      return (arg as unknown[]).some((a) => equal(value, a));
    case '$nin':
      return !(arg as unknown[]).some((a) => equal(value, a));
    case '$gt':
      return typeRank(value) === typeRank(arg) && compare(value, arg) > 0;
    case '$gte':
      return typeRank(value) === typeRank(arg) && compare(value, arg) >= 0;
    case '$lt':
      return typeRank(value) === typeRank(arg) && compare(value, arg) < 0;
    case '$lte':
      return typeRank(value) === typeRank(arg) && compare(value, arg) <= 0;
    case '$exists':
      return (value !== undefined) === Boolean(arg);
    default:
      throw new DbError('DATABASE_REQUEST_FAILED', `the fake does not know ${op}`);
  }
}

export function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([path, cond]) => {
    if (path === '$and') return (cond as Doc[]).every((q) => matches(doc, q));
    if (path === '$or') return (cond as Doc[]).some((q) => matches(doc, q));
    const value = fieldOf(doc, path);
    if (isOperatorObject(cond)) return Object.entries(cond).every(([op, arg]) => matchesOperator(value, op, arg));
    return equal(value, cond);
  });
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = doc;
  for (const p of parts.slice(0, -1)) {
    if (at[p] === null || typeof at[p] !== 'object') at[p] = {};
    at = at[p] as Doc;
  }
  at[parts[parts.length - 1]] = value;
}

/** Applies an update document ($set, $inc, $unset) to a copy of `doc`. */
export function applyUpdate(doc: Doc, update: Doc): Doc {
  const out = clone(doc);
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, v] of Object.entries(fields as Doc)) {
      if (path === '_id') throw new DbError('DATABASE_REQUEST_FAILED', '_id cannot be changed');
      if (op === '$set') setPath(out, path, clone(v));
      else if (op === '$inc') setPath(out, path, ((fieldOf(out, path) as number | undefined) ?? 0) + (v as number));
      else if (op === '$unset') delete out[path];
      else throw new DbError('DATABASE_REQUEST_FAILED', `the fake does not know ${op}`);
    }
  }
  return out;
}

const stable = (v: unknown): string =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? `{${Object.keys(v as Doc)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stable((v as Doc)[k])}`)
        .join(',')}}`
    : Array.isArray(v)
      ? `[${v.map(stable).join(',')}]`
      : JSON.stringify(v);

export interface FindOptions {
  order?: [string, 1 | -1][];
  offset?: number;
  limit?: number;
}

export class DocDb {
  private clock = 0;
  private readonly data = new Map<string, Map<string, Version[]>>();
  private readonly txs = new Map<string, Tx>();
  private nextTx = 0;

  constructor(collections: readonly string[]) {
    for (const c of collections) this.data.set(c, new Map());
  }

  private coll(name: string): Map<string, Version[]> {
    const c = this.data.get(name);
    if (!c) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    return c;
  }

  private tx(id: string | undefined): Tx | null {
    if (!id) return null;
    const tx = this.txs.get(id);
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', `no such transaction ${id}`);
    return tx;
  }

  private committed(coll: string, id: string, at = Infinity): Version | null {
    const versions = this.coll(coll).get(id) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].at <= at) return versions[i];
    return null;
  }

  /** A document as a transaction (or, without one, the latest commit) sees it. */
  private visible(coll: string, id: string, tx: Tx | null): Doc | null {
    if (tx?.writes.has(key(coll, id))) return tx.writes.get(key(coll, id))!.doc;
    return this.committed(coll, id, tx ? tx.snapshot : Infinity)?.doc ?? null;
  }

  private all(coll: string, tx: Tx | null): Doc[] {
    const ids = new Set(this.coll(coll).keys());
    for (const w of tx?.writes.values() ?? []) if (w.coll === coll) ids.add(w.id);
    return [...ids].map((id) => this.visible(coll, id, tx)).filter((d): d is Doc => d !== null);
  }

  /** First writer wins: a document changed since the snapshot, or held by another open transaction, conflicts. */
  private claim(tx: Tx, coll: string, id: string): void {
    const k = key(coll, id);
    const changed = (this.committed(coll, id)?.at ?? 0) > tx.snapshot;
    const held = [...this.txs.values()].some((other) => other !== tx && other.writes.has(k));
    if (changed || held) {
      this.txs.forEach((t, tid) => t === tx && this.txs.delete(tid));
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${coll}/${id}`);
    }
  }

  private write(coll: string, id: string, doc: Doc | null, tx: Tx | null): void {
    if (tx) {
      this.claim(tx, coll, id);
      tx.writes.set(key(coll, id), { coll, id, doc });
      return;
    }
    const c = this.coll(coll);
    c.set(id, [...(c.get(id) ?? []), { at: ++this.clock, doc }]);
  }

  find(coll: string, query: Doc, options: FindOptions = {}, txId?: string): Doc[] {
    const tx = this.tx(txId);
    const found = this.all(coll, tx).filter((d) => matches(d, query));
    const order = options.order ?? [];
    found.sort((a, b) => {
      for (const [f, dir] of order) {
        const c = compare(fieldOf(a, f), fieldOf(b, f));
        if (c) return c * dir;
      }
      return 0;
    });
    const offset = options.offset ?? 0;
    return clone(found.slice(offset, offset + (options.limit ?? 100)));
  }

  insert(coll: string, docs: Doc[], txId?: string): string[] {
    const tx = this.tx(txId);
    return docs.map((doc) => {
      const id = typeof doc._id === 'string' ? doc._id : `auto${++this.clock}`;
      if (this.visible(coll, id, tx)) throw new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key _id: ${id}`);
      this.write(coll, id, clone({ ...doc, _id: id }), tx);
      return id;
    });
  }

  /** MongoDB's nModified: documents the update changed, not documents it matched. */
  update(coll: string, query: Doc, update: Doc, { multi = true, replace = false } = {}, txId?: string): number {
    const tx = this.tx(txId);
    let modified = 0;
    for (const doc of this.all(coll, tx)
      .filter((d) => matches(d, query))
      .slice(0, multi ? undefined : 1)) {
      const next = replace ? { ...clone(update), _id: doc._id } : applyUpdate(doc, update);
      if (stable(next) === stable(doc)) continue;
      this.write(coll, String(doc._id), next, tx);
      modified++;
    }
    return modified;
  }

  remove(coll: string, query: Doc, txId?: string): number {
    const tx = this.tx(txId);
    const gone = this.all(coll, tx).filter((d) => matches(d, query));
    for (const d of gone) this.write(coll, String(d._id), null, tx);
    return gone.length;
  }

  count(coll: string, query: Doc): number {
    return this.all(coll, null).filter((d) => matches(d, query)).length;
  }

  begin(): string {
    const id = `tx-${++this.nextTx}`;
    this.txs.set(id, { snapshot: this.clock, writes: new Map() });
    return id;
  }

  commit(txId: string): void {
    const tx = this.tx(txId)!;
    this.txs.delete(txId);
    for (const w of tx.writes.values()) {
      if ((this.committed(w.coll, w.id)?.at ?? 0) > tx.snapshot)
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${w.coll}/${w.id}`);
    }
    const at = ++this.clock;
    for (const w of tx.writes.values()) this.coll(w.coll).set(w.id, [...(this.coll(w.coll).get(w.id) ?? []), { at, doc: w.doc }]);
  }

  abort(txId: string): void {
    this.txs.delete(txId);
  }

  /** Open transactions: a test can check that none is left behind. */
  openTransactions(): number {
    return this.txs.size;
  }
}
