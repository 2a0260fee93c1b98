import { rosterSchema } from '../../types/roster';
import { demoRoster } from '../../local/seed-data';
import { openSqliteStore } from './adapters/sqlite-store';
import { rosterRecords } from './domain/roster';
import { importRoster } from './roster-import';
import type { Store } from './ports/store';

describe('importRoster', () => {
  const records = () => rosterRecords(rosterSchema.parse(demoRoster()));

  it('adds what is new and keeps what is there, bindings included', async () => {
    const store = openSqliteStore(':memory:');
    const first = await importRoster(store, records());
    expect(first.members.kept).toBe(0);
    await store.collection('members').updateIf('m-cadre-1', {}, { openid: 'wx-bound' });
    const again = await importRoster(store, records());
    expect(again.members).toEqual({ added: 0, kept: first.members.added });
    expect((await store.collection('members').get('m-cadre-1'))?.openid).toBe('wx-bound');
  });

  it('stops on a failure that is not an existing id, instead of counting it as kept', async () => {
    const real = openSqliteStore(':memory:');
    const failing: Store = {
      ...real,
      collection: (name) => {
        const c = real.collection(name);
        return name === 'households' ? { ...c, add: async () => Promise.reject(new Error('network down')) } : c;
      },
    };
    await expect(importRoster(failing, records())).rejects.toThrow('network down');
    // Parents go first, and nothing below the failed level is written.
    expect(await real.collection('villages').count({})).toBe(2);
    expect(await real.collection('members').count({})).toBe(0);
  });
});
