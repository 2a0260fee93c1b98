import {
  assertCollection,
  checkLimit,
  fullOrder,
  StoreError,
  TRANSACTION_ATTEMPTS,
  type Collection,
  type CollectionName,
  type FindOptions,
  type Patch,
  type RecordOf,
  type Store,
  type StoredDoc,
  type Transaction,
  type Where,
} from '../ports/store';
import type { CbDatabase, CbQuery } from './cloudbase-db';
import { CloudbaseTransaction } from './cloudbase-transaction';
import { isConflict, REVISION, run, storeError, toQuery, toRecord, toUpdate } from './cloudbase-wire';

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
    // Outside a transaction doc().get() gives an array.
    const [doc] = (res.data ?? []) as unknown[];
    return doc === undefined ? null : toRecord<T>(doc);
  }

  async find(where: Where<T>, options: FindOptions<T> = {}): Promise<T[]> {
    const limit = checkLimit(options.limit);
    let q: CbQuery = this.coll.where(toQuery(this.db.command, where));
    // Every key, _id included, in its own direction: `_id desc` really sorts descending.
    for (const o of fullOrder(options.orderBy)) q = q.orderBy(o.field, o.direction);
    // Always explicit: without limit() CloudBase silently returns 100.
    q = q.limit(limit);
    const res = await run(`${this.name}.find`, () => q.get());
    return ((res.data ?? []) as unknown[]).map((d) => toRecord<T>(d));
  }

  async count(where: Where<T>): Promise<number> {
    const res = await run(`${this.name}.count`, () => this.coll.where(toQuery(this.db.command, where)).count());
    return res.total ?? 0;
  }

  async updateIf(id: string, condition: Where<T>, patch: Patch<T>): Promise<0 | 1> {
    const cmd = this.db.command;
    // Always modifies what it matches (see REVISION), so `updated` counts matches.
    const update = { ...toUpdate(cmd, patch), [REVISION]: cmd.inc(1) };
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
  return {
    collection<N extends CollectionName>(name: N): Collection<RecordOf<N>> {
      assertCollection(name);
      return new CloudbaseCollection<RecordOf<N>>(db, name);
    },

    async transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
      try {
        // runTransaction counts retries, not attempts.
        return await db.runTransaction((tx) => work(new CloudbaseTransaction(tx, db.command)), TRANSACTION_ATTEMPTS - 1);
      } catch (e) {
        if (isConflict(e)) throw new StoreError('CONFLICT', `transaction conflicted ${TRANSACTION_ATTEMPTS} times`);
        // What the work threw comes out as it is; the SDK's own failures to start or commit
        // are thrown as plain `{ code, message }` objects and become the port's errors.
        if (e instanceof Error) throw e;
        throw storeError(e as { code?: unknown; message?: unknown }, 'transaction');
      }
    },
  };
}
