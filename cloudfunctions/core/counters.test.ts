import { openSqliteStore } from './adapters/sqlite-store';
import { counterId, lowerCounter } from './counters';

describe('lowerCounter', () => {
  const now = new Date('2026-11-24T02:00:00.000Z');

  it('lowers an existing counter by one, never below zero, and leaves a missing one missing', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('counters').add({ _id: counterId('k'), count: 1, updatedAt: '' });
    const lower = (key: string) => store.transaction((tx) => lowerCounter(tx, key, now));
    await lower('k');
    expect(await store.collection('counters').get(counterId('k'))).toEqual({ _id: counterId('k'), count: 0, updatedAt: now.toISOString() });
    await lower('k');
    expect((await store.collection('counters').get(counterId('k')))?.count).toBe(0);
    await lower('other');
    expect(await store.collection('counters').get(counterId('other'))).toBeNull();
  });
});
