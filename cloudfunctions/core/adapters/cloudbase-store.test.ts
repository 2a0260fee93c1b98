import { isDuplicateId, StoreError, TRANSACTION_ATTEMPTS } from '../ports/store';
import type { CbCollection, CbDatabase, CbResult, CbTransaction } from './cloudbase-db';
import { cloudbaseStore } from './cloudbase-store';

type Answer = CbResult | Error | ((...args: unknown[]) => CbResult | Error);
type Method = 'get' | 'count' | 'update' | 'add' | 'remove' | 'doc.get' | 'doc.update' | 'doc.remove';

const command = {
  in: (v: unknown) => ({ $in: v }),
  neq: (v: unknown) => ({ $neq: v }),
  gt: (v: unknown) => ({ $gt: v }),
  gte: (v: unknown) => ({ $gte: v }),
  lt: (v: unknown) => ({ $lt: v }),
  lte: (v: unknown) => ({ $lte: v }),
  set: (v: unknown) => ({ $set: v }),
  inc: (v: number) => ({ $inc: v }),
};

/** Records every SDK call as [method, ...args] and answers with canned results. */
function fakeDb(answers: Partial<Record<Method, Answer>> = {}) {
  const calls: unknown[][] = [];
  let transactions = 0;
  const answer = async (m: Method, fallback: CbResult, ...args: unknown[]) => {
    const a = answers[m];
    const value = typeof a === 'function' ? a(...args) : a;
    if (value instanceof Error) throw value;
    return value ?? fallback;
  };
  const collection = (prefix: string): CbCollection => {
    const q = {
      where: (w: unknown) => (calls.push([`${prefix}where`, w]), q),
      orderBy: (f: string, d: string) => (calls.push([`${prefix}orderBy`, f, d]), q),
      limit: (n: number) => (calls.push([`${prefix}limit`, n]), q),
      get: () => (calls.push([`${prefix}get`]), answer('get', { data: [] })),
      count: () => (calls.push([`${prefix}count`]), answer('count', { total: 0 })),
      update: (p: unknown) => (calls.push([`${prefix}update`, p]), answer('update', { updated: 0 }, p)),
      add: (d: unknown) => (calls.push([`${prefix}add`, d]), answer('add', { id: 'x' })),
      doc: (id: string) => ({
        get: () => (calls.push([`${prefix}doc.get`, id]), answer('doc.get', { data: [] })),
        update: (p: unknown) => (calls.push([`${prefix}doc.update`, id, p]), answer('doc.update', { updated: 1 })),
        remove: () => (calls.push([`${prefix}doc.remove`, id]), answer('doc.remove', { deleted: 0 })),
      }),
    };
    return q;
  };
  const db: CbDatabase = {
    command,
    collection: (name) => (calls.push(['collection', name]), collection('')),
    // Like @cloudbase/database: runs again while the callback fails with a conflict, `times` more times.
    async runTransaction<R>(callback: (tx: CbTransaction) => Promise<R>, times = 3): Promise<R> {
      calls.push(['runTransaction', times]);
      for (let left = times; ; left--) {
        transactions++;
        try {
          return await callback({ collection: (name) => (calls.push(['tx.collection', name]), collection('tx.')) });
        } catch (e) {
          if (left <= 0 || (e as { code?: string }).code !== 'DATABASE_TRANSACTION_CONFLICT') throw e;
        }
      }
    },
  };
  return { db, calls, transactions: () => transactions };
}

const conflict = () => Object.assign(new Error('write conflict'), { code: 'DATABASE_TRANSACTION_CONFLICT' });

describe('the CloudBase store adapter', () => {
  it("builds one where() with commands, orders by every key then _id in the last key's direction, and always sets a limit", async () => {
    const { db, calls } = fakeDb({ get: { data: [{ _id: 'a', _rev: 3 }] } });
    const rows = await cloudbaseStore(db)
      .collection('wishes')
      .find(
        {
          villageId: 'v1',
          status: { $in: ['published', 'claimed'] },
          createdAt: { $gte: '2026' },
          updatedAt: { $ne: null },
          text: undefined,
        },
        {
          orderBy: [
            { field: 'status', direction: 'asc' },
            { field: 'createdAt', direction: 'desc' },
          ],
        },
      );
    // The hidden revision never reaches a caller.
    expect(rows).toEqual([{ _id: 'a' }]);
    expect(calls).toEqual([
      ['collection', 'wishes'],
      ['where', { villageId: 'v1', status: { $in: ['published', 'claimed'] }, createdAt: { $gte: '2026' }, updatedAt: { $neq: null } }],
      ['orderBy', 'status', 'asc'],
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', '_id', 'desc'],
      ['limit', 100],
      ['get'],
    ]);
  });

  it('orders by _id descending when asked, without adding a second _id key', async () => {
    const { db, calls } = fakeDb();
    await cloudbaseStore(db)
      .collection('wishes')
      .find({}, { orderBy: [{ field: '_id', direction: 'desc' }], limit: 2 });
    expect(calls.filter((c) => c[0] === 'orderBy')).toEqual([['orderBy', '_id', 'desc']]);
    expect(calls).toContainEqual(['limit', 2]);
  });

  it('reads one document through doc(id).get(), whose data is an array, and drops the revision', async () => {
    const { db, calls } = fakeDb({ 'doc.get': { data: [{ _id: 'w1', text: 'x', _rev: 2 }] } });
    expect(await cloudbaseStore(db).collection('wishes').get('w1')).toEqual({ _id: 'w1', text: 'x' });
    expect(calls).toContainEqual(['doc.get', 'w1']);
    expect(await cloudbaseStore(fakeDb().db).collection('wishes').get('w2')).toBeNull();
  });

  it('makes a conditional update on the document id that replaces objects and raises the revision', async () => {
    const { db, calls } = fakeDb({ update: { updated: 1 } });
    const changed = await cloudbaseStore(db)
      .collection('members')
      .updateIf('m1', { openid: null }, { openid: 'wx-1', pairedHouseholdIds: ['h1'], unit: undefined });
    expect(changed).toBe(1);
    expect(calls).toContainEqual(['where', { openid: null, _id: 'm1' }]);
    expect(calls).toContainEqual(['update', { openid: 'wx-1', pairedHouseholdIds: { $set: ['h1'] }, _rev: { $inc: 1 } }]);
  });

  it('says the condition held although the patch changes nothing, on a CloudBase that counts modified documents', async () => {
    // A stored member, and an update() that reports only the documents it really changed.
    const stored: Record<string, unknown> = { _id: 'm1', openid: 'wx-1' };
    const modifiedOnly = (patch: unknown) => {
      const before = JSON.stringify(stored);
      for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
        const op = v as { $inc?: number; $set?: unknown };
        if (op && typeof op === 'object' && '$inc' in op) stored[k] = ((stored[k] as number | undefined) ?? 0) + op.$inc!;
        else stored[k] = op && typeof op === 'object' && '$set' in op ? op.$set : v;
      }
      return { updated: JSON.stringify(stored) === before ? 0 : 1 };
    };
    const { db } = fakeDb({ update: modifiedOnly });
    const members = cloudbaseStore(db).collection('members');
    expect(await members.updateIf('m1', { openid: 'wx-1' }, { openid: 'wx-1' })).toBe(1);
    expect(await members.updateIf('m1', { openid: 'wx-1' }, { openid: 'wx-1' })).toBe(1);
  });

  it('answers 0 when the condition failed, and refuses a patch that touches _id or changes nothing', async () => {
    const { db, calls } = fakeDb({ update: { updated: 0 } });
    const wishes = cloudbaseStore(db).collection('wishes');
    expect(await wishes.updateIf('w1', { status: 'published' }, { status: 'claimed' })).toBe(0);
    await expect(wishes.updateIf('w1', {}, { _id: 'w2' } as never)).rejects.toThrow('_id cannot be changed');
    await expect(wishes.updateIf('w1', {}, {})).rejects.toThrow('empty patch');
    expect(calls.filter((c) => c[0] === 'update')).toHaveLength(1);
  });

  it('turns a duplicate write into DUPLICATE_ID, whether thrown or returned', async () => {
    const thrown = fakeDb({ add: Object.assign(new Error('dup'), { code: 'DATABASE_DUPLICATE_WRITE' }) });
    const w = { _id: 'w1' } as never;
    expect(
      isDuplicateId(
        await cloudbaseStore(thrown.db)
          .collection('wishes')
          .add(w)
          .catch((e: unknown) => e),
      ),
    ).toBe(true);
    const returned = fakeDb({ add: { code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate' } });
    expect(
      isDuplicateId(
        await cloudbaseStore(returned.db)
          .collection('wishes')
          .add(w)
          .catch((e: unknown) => e),
      ),
    ).toBe(true);
  });

  it('reports a missing collection as COLLECTION_NOT_EXIST, and refuses one it does not know without calling CloudBase', async () => {
    const { db, calls } = fakeDb({ get: { code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'Db or Table not exist' } });
    const err = await cloudbaseStore(db)
      .collection('wishes')
      .find({})
      .catch((e: unknown) => e);
    expect((err as StoreError).storeCode).toBe('COLLECTION_NOT_EXIST');
    expect(() => cloudbaseStore(db).collection('parcels' as never)).toThrow(StoreError);
    expect(calls.filter((c) => c[1] === 'parcels')).toEqual([]);
  });

  it('counts with where().count() and removes with doc(id).remove()', async () => {
    const { db, calls } = fakeDb({ count: { total: 7 }, 'doc.remove': { deleted: 1 } });
    const inbox = cloudbaseStore(db).collection('inbox');
    expect(await inbox.count({ to: 'm1', readAt: null })).toBe(7);
    expect(calls).toContainEqual(['where', { to: 'm1', readAt: null }]);
    expect(await inbox.remove('i1')).toBe(1);
    expect(calls).toContainEqual(['doc.remove', 'i1']);
  });

  it('refuses a limit above 100 before calling CloudBase', async () => {
    const { db, calls } = fakeDb();
    await expect(cloudbaseStore(db).collection('wishes').find({}, { limit: 101 })).rejects.toThrow(StoreError);
    expect(calls.find((c) => c[0] === 'get')).toBeUndefined();
  });
});

describe('transactions on the CloudBase store adapter', () => {
  const counter = { _id: 'c1', count: 1, updatedAt: 'x', _rev: 4 };

  it('runs single-document operations inside runTransaction, reading a document as an object', async () => {
    const { db, calls } = fakeDb({ 'doc.get': { data: counter } });
    const out = await cloudbaseStore(db).transaction(async (tx) => {
      const c = await tx.get('counters', 'c1');
      await tx.update('counters', 'c1', { count: c!.count + 1 });
      await tx.add('wishes', { _id: 'w1' } as never);
      await tx.remove('counters', 'c1');
      return c;
    });
    expect(out).toEqual({ _id: 'c1', count: 1, updatedAt: 'x' });
    expect(calls).toEqual([
      ['runTransaction', TRANSACTION_ATTEMPTS - 1],
      ['tx.collection', 'counters'],
      ['tx.doc.get', 'c1'],
      ['tx.collection', 'counters'],
      ['tx.doc.update', 'c1', { count: 2 }],
      ['tx.collection', 'wishes'],
      ['tx.add', { _id: 'w1' }],
      ['tx.collection', 'counters'],
      ['tx.doc.remove', 'c1'],
    ]);
  });

  it('lets runTransaction retry a conflict, thrown or returned, and gives CONFLICT after TRANSACTION_ATTEMPTS tries', async () => {
    for (const failure of [conflict(), { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' }]) {
      const fake = fakeDb({ 'doc.get': { data: counter }, 'doc.update': failure });
      const err = await cloudbaseStore(fake.db)
        .transaction(async (tx) => {
          await tx.get('counters', 'c1');
          await tx.update('counters', 'c1', { count: 2 });
        })
        .catch((e: unknown) => e);
      expect((err as StoreError).storeCode).toBe('CONFLICT');
      expect(fake.transactions()).toBe(TRANSACTION_ATTEMPTS);
    }
  });

  it("turns the SDK's own failure to start or commit a transaction, a plain { code } object, into the port's errors", async () => {
    for (const [thrown, storeCode] of [
      [{ code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 at commit' }, 'DUPLICATE_ID'],
      [{ code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'no such collection' }, 'COLLECTION_NOT_EXIST'],
    ] as const) {
      const fake = fakeDb();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the SDK really throws a plain { code, message }
      fake.db.runTransaction = () => Promise.reject(thrown);
      const err = await cloudbaseStore(fake.db)
        .transaction(async () => 'never')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).storeCode).toBe(storeCode);
    }
  });

  it("fails with DUPLICATE_ID when an add meets an existing id, and passes the work's own errors on", async () => {
    const dup = fakeDb({ add: { code: 'DATABASE_DUPLICATE_WRITE', message: 'dup' } });
    const err = await cloudbaseStore(dup.db)
      .transaction((tx) => tx.add('wishes', { _id: 'w1' } as never))
      .catch((e: unknown) => e);
    expect(isDuplicateId(err)).toBe(true);
    expect(dup.transactions()).toBe(1);

    const seen = fakeDb({ 'doc.get': { data: counter } });
    const again = await cloudbaseStore(seen.db)
      .transaction(async (tx) => {
        await tx.get('counters', 'c1');
        await tx.add('counters', { _id: 'c1', count: 0, updatedAt: 'y' });
      })
      .catch((e: unknown) => e);
    expect(isDuplicateId(again)).toBe(true);

    const mine = await cloudbaseStore(fakeDb().db)
      .transaction(() => Promise.reject(new Error('rule said no')))
      .catch((e: unknown) => e);
    expect((mine as Error).message).toBe('rule said no');
  });

  it('updates or removes only a document it has read and found, as the embedded store does', async () => {
    const missing = fakeDb({ 'doc.get': { data: null } });
    const store = cloudbaseStore(missing.db);
    await expect(store.transaction((tx) => tx.update('counters', 'c1', { count: 1 }))).rejects.toThrow('read it in this transaction first');
    await expect(store.transaction(async (tx) => (await tx.get('counters', 'c1'), tx.remove('counters', 'c1')))).rejects.toThrow(
      'no such document',
    );
    expect(missing.calls.filter((c) => c[0] === 'tx.doc.update' || c[0] === 'tx.doc.remove')).toEqual([]);
  });

  it('refuses a collection it does not know', async () => {
    const store = cloudbaseStore(fakeDb().db);
    await expect(store.transaction((tx) => tx.get('parcels' as never, 'x'))).rejects.toThrow(StoreError);
  });
});
