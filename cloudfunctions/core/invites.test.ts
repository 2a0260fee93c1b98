import { openSqliteStore } from './adapters/sqlite-store';
import { saveNewInvite } from './invites';
import type { IdSource } from './ports/clock';
import type { InviteRecord } from './records';

const invite = (code: string, memberId = 'm1'): InviteRecord => ({
  _id: code,
  memberId,
  issuedBy: 'm-cadre',
  issuedAt: '2026-11-24T02:00:00.000Z',
  expiresAt: '2026-12-01T02:00:00.000Z',
  usedAt: null,
  usedBy: null,
});

/** Draws the given codes in turn. */
const drawing = (...codes: string[]): IdSource => ({ id: () => 'x', code: () => codes.shift() ?? 'ZZZZZZZZ' });

describe('saveNewInvite', () => {
  it('draws again when a random code is taken, keeping the invite already there', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('invites').add(invite('TAKEN222', 'm-other'));
    const saved = await saveNewInvite(store, drawing('TAKEN222', 'FRESH333'), (code) => invite(code));
    expect(saved._id).toBe('FRESH333');
    expect((await store.collection('invites').get('TAKEN222'))?.memberId).toBe('m-other');
    expect((await store.collection('invites').get('FRESH333'))?.memberId).toBe('m1');
  });

  it('gives up after five taken codes instead of looping for ever', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('invites').add(invite('TAKEN222', 'm-other'));
    const codes = drawing(...Array<string>(5).fill('TAKEN222'), 'FRESH333');
    await expect(saveNewInvite(store, codes, (code) => invite(code))).rejects.toThrow('could not draw an unused invite code');
  });

  it('answers a request made again with the invite its first attempt saved, also when both run at once', async () => {
    const store = openSqliteStore(':memory:');
    const first = await saveNewInvite(store, drawing('FIRST222'), (code) => invite(code), 'req-1');
    expect(await saveNewInvite(store, drawing('OTHER333'), (code) => invite(code), 'req-1')).toEqual(first);
    const together = await Promise.all([
      saveNewInvite(store, drawing('PAIR2222', 'PAIR3333'), (code) => invite(code), 'req-2'),
      saveNewInvite(store, drawing('PAIR4444', 'PAIR5555'), (code) => invite(code), 'req-2'),
    ]);
    expect(together[0]).toEqual(together[1]);
    expect(await store.collection('invites').count({ issuedBy: 'm-cadre', usedAt: null })).toBe(2);
  });

  it('draws again past a taken code for a request too, and refuses the request id for another person', async () => {
    const store = openSqliteStore(':memory:');
    await store.collection('invites').add(invite('TAKEN222', 'm-other'));
    const saved = await saveNewInvite(store, drawing('TAKEN222', 'FRESH333'), (code) => invite(code), 'req-1');
    expect(saved._id).toBe('FRESH333');
    await expect(saveNewInvite(store, drawing('NEXT4444'), (code) => invite(code, 'm2'), 'req-1')).rejects.toThrow(
      'request id already used for another invite',
    );
    expect(await store.collection('invites').get('NEXT4444')).toBeNull();
  });

  it('does not mistake a store failure for a taken code', async () => {
    const store = openSqliteStore(':memory:');
    store.close();
    await expect(saveNewInvite(store, drawing('FRESH333'), (code) => invite(code))).rejects.toThrow(/not open/);
  });
});
