import type { Cursor } from '../../../types';
import { findAll, keysetPage } from '../paging';
import type { CounterRecord } from '../records';
import { getMany, isDuplicateId, MAX_PAGE, StoreError, type Collection, type Store } from './store';

interface Row {
  _id: string;
  n: number;
  tag: string | null;
  flag: boolean;
  g: number;
  nested: { a?: number; b?: number };
}

const row = (i: number, over: Partial<Row> = {}): Row => ({
  _id: `r${String(i).padStart(3, '0')}`,
  n: i,
  tag: i % 3 === 0 ? null : i % 3 === 1 ? 'one' : 'two',
  flag: i % 2 === 0,
  g: i % 3,
  nested: { a: i },
  ...over,
});

/**
 * The storage port's promises, as one suite that any adapter can be run
 * against. They are the semantics CloudBase offers, so code that passes on
 * the embedded store behaves the same in production.
 */
export function describeStoreContract(label: string, open: () => Store & { close?: () => void }) {
  describe(`${label} keeps the storage port's contract`, () => {
    let store: ReturnType<typeof open>;
    // 'wishes' stands in for any collection; the rows are not wishes.
    const coll = () => store.collection('wishes') as unknown as Collection<Row>;
    const counters = () => store.collection('counters');
    const counter = (id: string, count: number): CounterRecord => ({ _id: id, count, updatedAt: 'x' });
    const ids = (rows: Row[]) => rows.map((r) => r.n);

    beforeEach(async () => {
      store = open();
      for (let i = 1; i <= 9; i++) await coll().add(row(i));
    });
    afterEach(() => store.close?.());

    it('gives back a document by id, and null for an unknown id', async () => {
      expect(await coll().get('r004')).toEqual(row(4));
      expect(await coll().get('nope')).toBeNull();
    });

    it('refuses a second document with the same id and keeps the first', async () => {
      const err = await coll()
        .add(row(4, { n: 400 }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(isDuplicateId(err)).toBe(true);
      expect((await coll().get('r004'))?.n).toBe(4);
    });

    it('matches equality, null, booleans and every comparison', async () => {
      expect(ids(await coll().find({ tag: 'one' }))).toEqual([1, 4, 7]);
      expect(ids(await coll().find({ tag: null }))).toEqual([3, 6, 9]);
      expect(ids(await coll().find({ flag: true }))).toEqual([2, 4, 6, 8]);
      expect(ids(await coll().find({ tag: { $in: ['two', null] } }))).toEqual([2, 3, 5, 6, 8, 9]);
      expect(ids(await coll().find({ tag: { $ne: 'one' } }))).toEqual([2, 3, 5, 6, 8, 9]);
      expect(ids(await coll().find({ n: { $gt: 7 } }))).toEqual([8, 9]);
      expect(ids(await coll().find({ n: { $gte: 7 } }))).toEqual([7, 8, 9]);
      expect(ids(await coll().find({ n: { $lt: 3 } }))).toEqual([1, 2]);
      expect(ids(await coll().find({ n: { $lte: 3 }, flag: false }))).toEqual([1, 3]);
      expect(await coll().find({ tag: { $in: [] } })).toEqual([]);
    });

    it('reads documents by a list of ids, in pages of 100, ignoring unknown ones', async () => {
      for (let i = 10; i <= 150; i++) await coll().add(row(i));
      const wanted = ['r004', 'nope', 'r004', ...Array.from({ length: 141 }, (_, k) => row(k + 10)._id)];
      const found = await getMany(coll(), wanted);
      expect(found.size).toBe(142);
      expect(found.get('r004')).toEqual(row(4));
      expect(found.get('r150')).toEqual(row(150));
      expect(found.has('nope')).toBe(false);
      expect((await getMany(coll(), [])).size).toBe(0);
    });

    it('orders by a field either way, breaking ties by id in the same direction', async () => {
      expect(ids(await coll().find({}, { orderBy: [{ field: 'n', direction: 'desc' }], limit: 3 }))).toEqual([9, 8, 7]);
      const byFlag = await coll().find({}, { orderBy: [{ field: 'flag', direction: 'asc' }] });
      expect(ids(byFlag)).toEqual([1, 3, 5, 7, 9, 2, 4, 6, 8]);
      const byFlagDesc = await coll().find({}, { orderBy: [{ field: 'flag', direction: 'desc' }] });
      expect(ids(byFlagDesc)).toEqual([8, 6, 4, 2, 9, 7, 5, 3, 1]);
      expect(ids(await coll().find({}, { orderBy: [{ field: '_id', direction: 'desc' }], limit: 2 }))).toEqual([9, 8]);
    });

    it('pages by keyset without repeating or skipping items while items arrive', async () => {
      const byGroup = (cursor?: string) =>
        keysetPage(
          coll(),
          { flag: false },
          { field: 'g', direction: 'desc' },
          { limit: 2, cursor: cursor ? (JSON.parse(cursor) as Cursor) : undefined },
        );
      const first = await byGroup();
      // A newcomer before the cursor must not shift the next page; one after it shows up once, in order.
      await coll().add(row(10, { g: 2, flag: false }));
      await coll().add(row(0, { g: 1, flag: false }));
      const seen = [...first.items];
      for (let cursor = first.nextCursor; cursor;) {
        const page = await byGroup(cursor);
        seen.push(...page.items);
        cursor = page.nextCursor;
      }
      expect(ids(first.items)).toEqual([5, 7]);
      expect(ids(seen)).toEqual([5, 7, 1, 0, 9, 3]);
      expect((await keysetPage(coll(), { flag: true }, { field: 'n', direction: 'asc' }, { limit: 4 })).nextCursor).toBeNull();
    });

    it('reads at most one page of 100 and refuses a larger limit', async () => {
      for (let i = 10; i <= 250; i++) await coll().add(row(i));
      expect(await coll().find({})).toHaveLength(MAX_PAGE);
      await expect(coll().find({}, { limit: MAX_PAGE + 1 })).rejects.toThrow(StoreError);
      expect(ids(await coll().find({ n: { $gt: 245 } }, { orderBy: [{ field: 'n', direction: 'asc' }], limit: 10 }))).toEqual([
        246, 247, 248, 249, 250,
      ]);
      expect(await findAll(coll(), {})).toHaveLength(250);
      expect(await coll().count({ flag: true })).toBe(125);
    });

    it('updates one document only when it still matches the condition, and says so', async () => {
      // A patch that changes nothing still reports that the condition held.
      expect(await coll().updateIf('r004', { tag: 'one' }, { tag: 'one' })).toBe(1);
      expect(await coll().updateIf('r004', { tag: 'one' }, { tag: 'claimed' })).toBe(1);
      expect(await coll().updateIf('r004', { tag: 'one' }, { tag: 'second' })).toBe(0);
      expect(await coll().updateIf('nope', {}, { tag: 'x' })).toBe(0);
      expect(await coll().get('r004')).toEqual(row(4, { tag: 'claimed' }));
      expect(await coll().count({ tag: 'claimed' })).toBe(1);
    });

    it('replaces an object value whole instead of merging it', async () => {
      await coll().updateIf('r004', {}, { nested: { b: 2 } });
      expect((await coll().get('r004'))?.nested).toEqual({ b: 2 });
    });

    it('never changes an id', async () => {
      await expect(coll().updateIf('r004', {}, { _id: 'other' } as never)).rejects.toThrow(StoreError);
    });

    it('removes a document once', async () => {
      expect(await coll().remove('r004')).toBe(1);
      expect(await coll().remove('r004')).toBe(0);
      expect(await coll().get('r004')).toBeNull();
    });

    it("commits a transaction's writes together, across collections", async () => {
      await counters().add(counter('c1', 1));
      const out = await store.transaction(async (tx) => {
        const c = await tx.get('counters', 'c1');
        await tx.update('counters', 'c1', { count: (c?.count ?? 0) + 1 });
        await tx.add('counters', counter('c2', 7));
        await tx.remove('wishes', ((await tx.get('wishes', 'r004')) as unknown as Row)._id);
        // The transaction reads its own writes.
        return [(await tx.get('counters', 'c1'))?.count, (await tx.get('counters', 'c2'))?.count, await tx.get('wishes', 'r004')];
      });
      expect(out).toEqual([2, 7, null]);
      expect((await counters().get('c1'))?.count).toBe(2);
      expect((await counters().get('c2'))?.count).toBe(7);
      expect(await coll().get('r004')).toBeNull();
    });

    it('writes nothing of a transaction that throws, and passes the error on', async () => {
      await counters().add(counter('c1', 1));
      const err = await store
        .transaction(async (tx) => {
          await tx.get('counters', 'c1');
          await tx.update('counters', 'c1', { count: 5 });
          await tx.add('counters', counter('c2', 7));
          throw new Error('rule said no');
        })
        .catch((e: unknown) => e);
      expect((err as Error).message).toBe('rule said no');
      expect((await counters().get('c1'))?.count).toBe(1);
      expect(await counters().get('c2')).toBeNull();
    });

    it('fails a transaction whose add meets an existing id, writing nothing of it', async () => {
      await counters().add(counter('c1', 1));
      const err = await store
        .transaction(async (tx) => {
          await tx.get('counters', 'c1');
          await tx.update('counters', 'c1', { count: 2 });
          await tx.add('wishes', row(4) as never);
        })
        .catch((e: unknown) => e);
      expect(isDuplicateId(err)).toBe(true);
      expect((await counters().get('c1'))?.count).toBe(1);
    });

    it('runs a transaction again when a concurrent writer changed what it read, so no increment is lost', async () => {
      await counters().add(counter('c1', 0));
      const bump = () =>
        store.transaction(async (tx) => {
          const c = await tx.get('counters', 'c1');
          await new Promise((r) => setTimeout(r, 1));
          await tx.update('counters', 'c1', { count: c!.count + 1 });
        });
      const results = await Promise.allSettled(Array.from({ length: 3 }, bump));
      const done = results.filter((r) => r.status === 'fulfilled').length;
      expect(done).toBeGreaterThanOrEqual(1);
      expect((await counters().get('c1'))?.count).toBe(done);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as StoreError).storeCode).toBe('CONFLICT');
    });

    it('lets only one of two transactions create the same document', async () => {
      const create = (n: number) =>
        store.transaction(async (tx) => {
          if (await tx.get('counters', 'once')) return 'existed';
          await new Promise((r) => setTimeout(r, 1));
          await tx.add('counters', counter('once', n));
          return 'created';
        });
      const results = await Promise.allSettled([create(1), create(2)]);
      expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'created')).toHaveLength(1);
      expect([1, 2]).toContain((await counters().get('once'))?.count);
    });

    it('keeps a transaction to documents it has read: no blind update or remove, none of a missing one', async () => {
      await counters().add(counter('c1', 1));
      const attempt = (work: Parameters<Store['transaction']>[0]) =>
        store.transaction(work).catch((e: unknown) => (e as StoreError).storeCode);
      expect(await attempt((tx) => tx.update('counters', 'c1', { count: 2 }))).toBe('BAD_QUERY');
      expect(await attempt((tx) => tx.remove('counters', 'c1'))).toBe('BAD_QUERY');
      expect(await attempt(async (tx) => (await tx.get('counters', 'nope'), tx.update('counters', 'nope', { count: 2 })))).toBe(
        'BAD_QUERY',
      );
      expect(await attempt(async (tx) => (await tx.get('counters', 'c1'), tx.update('counters', 'c1', { _id: 'x' } as never)))).toBe(
        'BAD_QUERY',
      );
      expect((await counters().get('c1'))?.count).toBe(1);
    });

    it("reads a transaction's own removes and re-adds, and ends with what was written last", async () => {
      await counters().add(counter('c1', 1));
      await store.transaction(async (tx) => {
        await tx.get('counters', 'c1');
        await tx.remove('counters', 'c1');
        expect(await tx.get('counters', 'c1')).toBeNull();
        await tx.add('counters', counter('c1', 9));
        await tx.add('counters', counter('temp', 1));
        await tx.remove('counters', 'temp');
      });
      expect((await counters().get('c1'))?.count).toBe(9);
      expect(await counters().get('temp')).toBeNull();
    });

    it('gives up with CONFLICT after three attempts that all lose to another writer', async () => {
      await counters().add(counter('c1', 0));
      let attempts = 0;
      const err = await store
        .transaction(async (tx) => {
          attempts++;
          const c = await tx.get('counters', 'c1');
          // Someone else changes the counter before this transaction commits, every time.
          await counters().updateIf('c1', {}, { count: c!.count + 100 });
          await tx.update('counters', 'c1', { count: c!.count + 1 });
        })
        .catch((e: unknown) => e);
      expect((err as StoreError).storeCode).toBe('CONFLICT');
      expect(attempts).toBe(3);
      expect((await counters().get('c1'))?.count).toBe(300);
    });

    it('leaves a field given as undefined as it is, in a conditional update and in a transaction', async () => {
      await coll().updateIf('r004', {}, { tag: undefined, n: 40 });
      expect(await coll().get('r004')).toEqual(row(4, { n: 40 }));
      await counters().add(counter('c1', 1));
      await store.transaction(async (tx) => {
        await tx.get('counters', 'c1');
        await tx.update('counters', 'c1', { count: 2, updatedAt: undefined });
      });
      expect(await counters().get('c1')).toEqual(counter('c1', 2));
    });

    it("refuses a transaction's add of an existing id at that call, and then writes nothing of it", async () => {
      await counters().add(counter('c1', 1));
      let refusedInWork = false;
      const err = await store
        .transaction(async (tx) => {
          await tx.add('counters', counter('c2', 2));
          try {
            await tx.add('counters', counter('c1', 5));
          } catch (e) {
            // CloudBase's insert says so at once; a failed write ends its transaction, so the work goes no further.
            refusedInWork = isDuplicateId(e);
            throw e;
          }
        })
        .catch((e: unknown) => e);
      expect(refusedInWork).toBe(true);
      expect(isDuplicateId(err)).toBe(true);
      expect((await counters().get('c1'))?.count).toBe(1);
      expect(await counters().get('c2')).toBeNull();
    });

    it('refuses an update that would change an id or change nothing', async () => {
      await expect(coll().updateIf('r004', {}, {})).rejects.toThrow(StoreError);
      expect(await coll().get('r004')).toEqual(row(4));
    });

    it('refuses a collection that was never created', () => {
      expect(() => store.collection('parcels' as never)).toThrow(StoreError);
    });
  });
}
