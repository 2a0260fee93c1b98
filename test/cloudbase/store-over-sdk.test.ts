import tcb from '@cloudbase/node-sdk';
import type { CbDatabase } from '../../cloudfunctions/core/adapters/cloudbase-db';
import { cloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase-store';
import { describeStoreContract } from '../../cloudfunctions/core/ports/store.contract';
import { collections } from '../../cloudfunctions/core/ports/store';
import { functionEnv } from './function-env';
import { FakeGateway } from './gateway';

/*
 * The production store adapter, through the real @cloudbase/node-sdk and its HTTP
 * requests, against the fake CloudBase gateway on 127.0.0.1: the same contract suite the
 * embedded store passes. The fake counts modified documents in `updated`, as CloudBase
 * may, and runs transactions with snapshot reads and first-writer-wins conflicts.
 */
const gateway = new FakeGateway(collections);
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, functionEnv(await gateway.start()));
});

afterAll(async () => {
  process.env = saved;
  await gateway.stop();
});

describeStoreContract('the CloudBase store over node-sdk and HTTP', () => {
  gateway.reset();
  const db: CbDatabase = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
  return cloudbaseStore(db);
});

describe('the CloudBase store over node-sdk and HTTP, on the wire', () => {
  const store = () => {
    const db: CbDatabase = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
    return cloudbaseStore(db);
  };
  beforeEach(() => gateway.reset());

  it('sends a conditional update as one modifyDocument that raises _rev, and reads the document back without it', async () => {
    await store()
      .collection('inbox')
      .add({ _id: 'i1', dedupeKey: 'k', to: 'm1', title: 't', body: 'b', link: null, createdAt: '2026', readAt: null });
    gateway.take();
    expect(await store().collection('inbox').updateIf('i1', { to: 'm1', readAt: null }, { readAt: '2026-11-27' })).toBe(1);
    const [w] = gateway.take();
    expect(w.action).toBe('database.modifyDocument');
    expect(w.params).toMatchObject({ collectionName: 'inbox', multi: true, merge: true, upsert: false });
    expect(JSON.parse(w.params.query as string)).toEqual({ to: 'm1', readAt: null, _id: 'i1' });
    expect(JSON.parse(w.params.data as string)).toEqual({ $set: { readAt: '2026-11-27' }, $inc: { _rev: { $numberInt: '1' } } });
    expect(gateway.db.find('inbox', {})[0]).toMatchObject({ _rev: 1 });
    expect(await store().collection('inbox').get('i1')).toEqual(expect.not.objectContaining({ _rev: expect.anything() }));
  });

  it('orders by _id descending on the wire when asked', async () => {
    await store()
      .collection('wishes')
      .find({}, { orderBy: [{ field: '_id', direction: 'desc' }], limit: 5 });
    const [w] = gateway.take();
    expect(JSON.parse(w.params.order as string)).toEqual({ _id: { $numberInt: '-1' } });
    expect(w.params.limit).toBe(5);
  });

  it('runs a transaction that met a write conflict again, so both of two concurrent increments land', async () => {
    await store().collection('counters').add({ _id: 'c', count: 0, updatedAt: '' });
    const bump = () =>
      store().transaction(async (tx) => {
        const c = await tx.get('counters', 'c');
        await new Promise((r) => setTimeout(r, 5));
        await tx.update('counters', 'c', { count: c!.count + 1 });
      });
    await Promise.all([bump(), bump()]);
    expect((await store().collection('counters').get('c'))?.count).toBe(2);
  });

  it('leaves no transaction open, whether it commits, fails or conflicts', async () => {
    await store().collection('counters').add({ _id: 'c', count: 0, updatedAt: '' });
    const bump = () =>
      store().transaction(async (tx) => {
        const c = await tx.get('counters', 'c');
        await tx.update('counters', 'c', { count: c!.count + 1 });
      });
    await Promise.allSettled([bump(), bump(), bump(), store().transaction(() => Promise.reject(new Error('no')))]);
    expect(gateway.db.openTransactions()).toBe(0);
    const actions = gateway.take().map((w) => w.action);
    expect(actions).toContain('database.startTransaction');
    expect(actions).toContain('database.commitTransaction');
    expect(actions).toContain('database.abortTransaction');
  });
});
