import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../ports/store.contract';
import { openSqliteStore } from './sqlite-store';

describeStoreContract('the embedded SQLite store', () => openSqliteStore(':memory:'));

it('rejects a field name that could smuggle SQL', async () => {
  const store = openSqliteStore(':memory:');
  await expect(store.collection('wishes').find({ "x') OR 1=1 --": 1 } as never)).rejects.toThrow('bad field name');
  store.close();
});

describe('several processes on one data file', () => {
  it('never let two of them win the same conditional update or transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'race-'));
    const file = join(dir, 'race.db');
    const store = openSqliteStore(file);
    await store.collection('counters').add({ _id: 'cas', count: 0, updatedAt: '' });
    await store.collection('counters').add({ _id: 'tx', count: 0, updatedAt: '' });
    const racer = join(__dirname, '../../../test/fixtures/sqlite-racer.ts');
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const run = () =>
      new Promise<{ casWins: number; txWins: number }>((ok, fail) =>
        execFile(tsx, [racer, file, '400'], (err, out) => (err ? fail(new Error(err.message)) : ok(JSON.parse(out)))),
      );
    const results = await Promise.all([run(), run(), run()]);
    const sum = (k: 'casWins' | 'txWins') => results.reduce((n, r) => n + r[k], 0);
    expect((await store.collection('counters').get('cas'))?.count).toBe(sum('casWins'));
    expect((await store.collection('counters').get('tx'))?.count).toBe(sum('txWins'));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('with requireIndexes, as in tests', () => {
  it('refuses a filtered query that no declared index serves, and runs one that an index serves', async () => {
    const store = openSqliteStore(':memory:', { requireIndexes: true });
    await expect(store.collection('wishes').find({ text: 'x' })).rejects.toThrow('no index serves this query');
    await expect(store.collection('wishes').count({ category: 'daily' })).rejects.toThrow('no index serves this query');
    await expect(
      store
        .collection('wishes')
        .find({ villageId: 'v', status: 'pending_review' }, { orderBy: [{ field: 'createdAt', direction: 'desc' }] }),
    ).resolves.toEqual([]);
    await expect(store.collection('wishes').find({})).resolves.toEqual([]);
    store.close();
  });
});
