import { assertCollection, StoreError, type CollectionName, type Patch, type RecordOf, type Transaction } from '../ports/store';
import type { CbCommand, CbResult, CbTransaction } from './cloudbase-db';
import { run, toRecord, toUpdate } from './cloudbase-wire';

/** One operation inside `runTransaction`: see `run` for why conflicts leave as they come. */
const txRun = (what: string, call: () => Promise<CbResult>) => run(what, call, true);

const key = (name: string, id: string) => `${name}\u0000${id}`;

/**
 * The port's transaction on `runTransaction`: single-document operations by id, which is
 * all a CloudBase transaction runs inside itself (a where() would run outside it). It
 * remembers which documents it has seen, so update and remove keep the port's rule
 * (only a document this transaction read and found) exactly as the embedded store does.
 */
export class CloudbaseTransaction implements Transaction {
  /** true: the document exists as far as this transaction knows; false: it does not. */
  private readonly exists = new Map<string, boolean>();

  constructor(
    private readonly tx: CbTransaction,
    private readonly cmd: CbCommand,
  ) {}

  async get<N extends CollectionName>(name: N, id: string): Promise<RecordOf<N> | null> {
    assertCollection(name);
    const res = await txRun(`${name}.get in transaction`, () => this.tx.collection(name).doc(id).get());
    // Inside a transaction doc().get() gives the document or null, not an array.
    const data: unknown = Array.isArray(res.data) ? ((res.data as unknown[])[0] ?? null) : (res.data ?? null);
    this.exists.set(key(name, id), data !== null);
    return data === null ? null : toRecord<RecordOf<N>>(data);
  }

  async add<N extends CollectionName>(name: N, doc: RecordOf<N>): Promise<void> {
    assertCollection(name);
    if (this.exists.get(key(name, doc._id))) throw new StoreError('DUPLICATE_ID', `${name}/${doc._id} already exists`);
    await txRun(`${name}.add in transaction`, () => this.tx.collection(name).add({ ...doc }));
    this.exists.set(key(name, doc._id), true);
  }

  private mustExist(name: string, id: string, op: string): void {
    const state = this.exists.get(key(name, id));
    if (state === undefined) throw new StoreError('BAD_QUERY', `${op} ${name}/${id}: read it in this transaction first`);
    if (!state) throw new StoreError('BAD_QUERY', `${op} ${name}/${id}: no such document`);
  }

  async update<N extends CollectionName>(name: N, id: string, patch: Patch<RecordOf<N>>): Promise<void> {
    const update = toUpdate(this.cmd, patch);
    this.mustExist(name, id, 'update');
    await txRun(`${name}.update in transaction`, () => this.tx.collection(name).doc(id).update(update));
  }

  async remove<N extends CollectionName>(name: N, id: string): Promise<void> {
    this.mustExist(name, id, 'remove');
    await txRun(`${name}.remove in transaction`, () => this.tx.collection(name).doc(id).remove());
    this.exists.set(key(name, id), false);
  }
}
