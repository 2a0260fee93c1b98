import { isDuplicateId, StoreError } from '../ports/store';
import type { CbDatabase, CbResult } from './cloudbase-db';
import { cloudbaseStore } from './cloudbase-store';

/** Records every SDK call as [method, ...args] and answers with the next canned result. */
function fakeDb(answers: Partial<Record<'get' | 'count' | 'update' | 'add' | 'remove', CbResult | Error>> = {}) {
  const calls: unknown[][] = [];
  const answer = async (m: keyof typeof answers, fallback: CbResult) => {
    const a = answers[m];
    if (a instanceof Error) throw a;
    return a ?? fallback;
  };
  const query = (): ReturnType<CbDatabase['collection']> => {
    const q = {
      where: (w: unknown) => (calls.push(['where', w]), q),
      orderBy: (f: string, d: string) => (calls.push(['orderBy', f, d]), q),
      skip: (n: number) => (calls.push(['skip', n]), q),
      limit: (n: number) => (calls.push(['limit', n]), q),
      get: () => (calls.push(['get']), answer('get', { data: [] })),
      count: () => (calls.push(['count']), answer('count', { total: 0 })),
      update: (p: unknown) => (calls.push(['update', p]), answer('update', { updated: 0 })),
      add: (d: unknown) => (calls.push(['add', d]), answer('add', { id: 'x' })),
      doc: (id: string) => ({
        get: () => (calls.push(['doc.get', id]), answer('get', { data: [] })),
        remove: () => (calls.push(['doc.remove', id]), answer('remove', { deleted: 0 })),
      }),
    };
    return q;
  };
  const db: CbDatabase = {
    command: {
      in: (v) => ({ $in: v }),
      neq: (v) => ({ $neq: v }),
      gt: (v) => ({ $gt: v }),
      gte: (v) => ({ $gte: v }),
      lt: (v) => ({ $lt: v }),
      lte: (v) => ({ $lte: v }),
      set: (v) => ({ $set: v }),
    },
    collection: (name) => (calls.push(['collection', name]), query()),
  };
  return { db, calls };
}

describe('the CloudBase store adapter', () => {
  it('builds one where() with commands, orders with an id tiebreak and always sets a limit', async () => {
    const { db, calls } = fakeDb({ get: { data: [{ _id: 'a' }] } });
    const rows = await cloudbaseStore(db)
      .collection('wishes')
      .find({ villageId: 'v1', status: { $in: ['a', 'b'] }, n: { $gte: 2 }, m: { $ne: null } }, { orderBy: [{ field: 'createdAt', direction: 'desc' }], skip: 20 });
    expect(rows).toEqual([{ _id: 'a' }]);
    expect(calls).toEqual([
      ['collection', 'wishes'],
      ['where', { villageId: 'v1', status: { $in: ['a', 'b'] }, n: { $gte: 2 }, m: { $neq: null } }],
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', '_id', 'asc'],
      ['skip', 20],
      ['limit', 100],
      ['get'],
    ]);
  });

  it('reads one document through doc(id).get(), whose data is an array', async () => {
    const { db, calls } = fakeDb({ get: { data: [{ _id: 'w1', text: 'x' }] } });
    expect(await cloudbaseStore(db).collection('wishes').get('w1')).toEqual({ _id: 'w1', text: 'x' });
    expect(calls).toContainEqual(['doc.get', 'w1']);
  });

  it('makes a conditional update on the document id and reports whether it changed it', async () => {
    const { db, calls } = fakeDb({ update: { updated: 1 } });
    const changed = await cloudbaseStore(db).collection('wishes').updateIf('w1', { status: 'published' }, { status: 'claimed', proof: { url: 'p' } } as never);
    expect(changed).toBe(1);
    expect(calls).toContainEqual(['where', { status: 'published', _id: 'w1' }]);
    // Object values are wrapped in set() so they replace rather than merge.
    expect(calls).toContainEqual(['update', { status: 'claimed', proof: { $set: { url: 'p' } } }]);
  });

  it('answers 0 when CloudBase updated nothing', async () => {
    const { db } = fakeDb({ update: { updated: 0 } });
    expect(await cloudbaseStore(db).collection('wishes').updateIf('w1', {}, { status: 'x' } as never)).toBe(0);
  });

  it('turns a duplicate write into DUPLICATE_ID, whether thrown or returned', async () => {
    const thrown = fakeDb({ add: Object.assign(new Error('dup'), { code: 'DATABASE_DUPLICATE_WRITE' }) });
    expect(isDuplicateId(await cloudbaseStore(thrown.db).collection('wishes').add({ _id: 'w1' }).catch((e) => e))).toBe(true);
    const returned = fakeDb({ add: { code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate' } });
    expect(isDuplicateId(await cloudbaseStore(returned.db).collection('wishes').add({ _id: 'w1' }).catch((e) => e))).toBe(true);
  });

  it('reports a missing collection as COLLECTION_NOT_EXIST', async () => {
    const { db } = fakeDb({ get: { code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'Db or Table not exist' } });
    const err = await cloudbaseStore(db).collection('wishes').find({}).catch((e) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.storeCode).toBe('COLLECTION_NOT_EXIST');
  });

  it('counts with where().count() and removes with doc(id).remove()', async () => {
    const { db, calls } = fakeDb({ count: { total: 7 }, remove: { deleted: 1 } });
    const coll = cloudbaseStore(db).collection('inbox');
    expect(await coll.count({ to: 'm1', readAt: null })).toBe(7);
    expect(calls).toContainEqual(['where', { to: 'm1', readAt: null }]);
    expect(await coll.remove('i1')).toBe(1);
    expect(calls).toContainEqual(['doc.remove', 'i1']);
  });

  it('refuses a limit above 100 before calling CloudBase', async () => {
    const { db, calls } = fakeDb();
    await expect(cloudbaseStore(db).collection('wishes').find({}, { limit: 101 })).rejects.toThrow(StoreError);
    expect(calls.find((c) => c[0] === 'get')).toBeUndefined();
  });
});
