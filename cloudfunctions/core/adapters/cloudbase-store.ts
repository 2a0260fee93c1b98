import {
  checkLimit,
  collections,
  StoreError,
  type Collection,
  type CollectionName,
  type Condition,
  type FindOptions,
  type Patch,
  type Store,
  type StoredDoc,
  type Where,
} from '../ports/store';
import type { CbCommand, CbDatabase, CbQuery, CbResult } from './cloudbase-db';

/** CloudBase reports some failures by throwing and some by resolving with a `code`; both end up here. */
function storeError(e: { code?: unknown; message?: unknown }, what: string): Error {
  const text = `${String(e.code ?? '')} ${String(e.message ?? '')}`;
  if (/DUPLICATE/i.test(text)) return new StoreError('DUPLICATE_ID', `${what}: duplicate id`);
  if (/COLLECTION_NOT_EXIST|collection.*not exist/i.test(text)) return new StoreError('COLLECTION_NOT_EXIST', `${what}: ${text.trim()}`);
  return new Error(`${what} failed: ${text.trim()}`);
}

async function run(what: string, call: () => Promise<CbResult>): Promise<CbResult> {
  let res: CbResult;
  try {
    res = await call();
  } catch (e) {
    throw storeError(e as { code?: unknown }, what);
  }
  if (res && res.code) throw storeError(res, what);
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
const toQuery = (cmd: CbCommand, where: Where): Record<string, unknown> =>
  Object.fromEntries(Object.entries(where).map(([k, c]) => [k, condition(cmd, c)]));

class CloudbaseCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: CbDatabase,
    private readonly name: string,
  ) {}

  private get coll() {
    return this.db.collection(this.name);
  }

  async add(doc: T): Promise<void> {
    await run(`${this.name}.add`, () => this.coll.add({ ...doc }));
  }

  async get(id: string): Promise<T | null> {
    const res = await run(`${this.name}.get`, () => this.coll.doc(id).get());
    return ((res.data ?? [])[0] as T | undefined) ?? null;
  }

  async find(where: Where, options: FindOptions = {}): Promise<T[]> {
    let q: CbQuery = this.coll.where(toQuery(this.db.command, where));
    for (const o of [...(options.orderBy ?? []), { field: '_id', direction: 'asc' as const }]) q = q.orderBy(o.field, o.direction);
    if (options.skip) q = q.skip(options.skip);
    // Always explicit: without limit() CloudBase silently returns 100.
    q = q.limit(checkLimit(options.limit));
    const res = await run(`${this.name}.find`, () => q.get());
    return (res.data ?? []) as T[];
  }

  async count(where: Where): Promise<number> {
    const res = await run(`${this.name}.count`, () => this.coll.where(toQuery(this.db.command, where)).count());
    return res.total ?? 0;
  }

  async updateIf(id: string, condition: Where, patch: Patch<T>): Promise<0 | 1> {
    if ('_id' in patch) throw new StoreError('BAD_QUERY', '_id cannot be changed');
    const cmd = this.db.command;
    // update() merges nested objects; set() makes an object value replace the stored one, as the port promises.
    const update = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, v !== null && typeof v === 'object' ? cmd.set(v) : v]),
    );
    const query = { ...toQuery(cmd, condition), _id: id };
    const res = await run(`${this.name}.updateIf`, () => this.coll.where(query).update(update));
    return (res.updated ?? 0) > 0 ? 1 : 0;
  }

  async remove(id: string): Promise<0 | 1> {
    const res = await run(`${this.name}.remove`, () => this.coll.doc(id).remove());
    return (res.deleted ?? 0) > 0 ? 1 : 0;
  }
}

/** The production store: CloudBase's document database through @cloudbase/node-sdk. */
export function cloudbaseStore(db: CbDatabase): Store {
  const known = new Set<string>(collections);
  return {
    collection<T extends StoredDoc>(name: CollectionName): Collection<T> {
      if (!known.has(name)) throw new StoreError('COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
      return new CloudbaseCollection<T>(db, name);
    },
  };
}
