import type { MemberRecord } from '../core/records';
import { StoreError, type Store } from '../core/ports/store';
import { counterId } from '../core/counters';
import { withLatency } from '../../local/latency-store';
import { makeWorld, people, type World } from '../../test/support/world';
import { wishRecord } from '../../test/support/wish-record';
import { activeClaimsKey } from './change-wish';
import { wishesHandler as wishes } from './handler';

jest.setTimeout(30_000);

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

/** `n` bound helpers of 杏花村, each claiming with their own WeChat. */
async function helpers(n: number): Promise<string[]> {
  const openids: string[] = [];
  for (let i = 0; i < n; i++) {
    const m: MemberRecord = { ...people.helperA, _id: `m-h${i}`, name: `帮扶人${i}`, openid: `wx-h${i}` };
    await w.store.collection('members').add(m);
    await w.store.collection('users').add({ _id: m.openid!, memberId: m._id, boundAt: '2026-11-01T00:00:00.000Z' });
    openids.push(m.openid!);
  }
  return openids;
}

const publish = (id: string) =>
  w.store
    .collection('wishes')
    .add(wishRecord({ _id: id, status: 'published', summary: '一床厚棉被', publishedAt: '2026-11-20T02:00:00.000Z' }));

describe('claims arriving at the same instant', () => {
  it('give one wish to exactly one of 120 claimers, however slow the store; every other is told it is claimed', async () => {
    const claimers = await helpers(120);
    await publish('x');
    w.deps.store = withLatency(w.store, 3);
    const answers = await Promise.all(claimers.map((openid) => w.call(wishes, openid, 'claim', { id: 'x' })));
    const won = answers.flatMap((a, i) => (a.ok ? [claimers[i]] : []));
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(119).fill('WISH.ALREADY_CLAIMED'));

    const stored = (await w.store.collection('wishes').get('x'))!;
    expect(stored.claimerId).toBe(`m-h${claimers.indexOf(won[0])}`);
    expect(stored.history.filter((e) => e.action === 'claim')).toHaveLength(1);
    // Only the winner holds a claim.
    const counts = await w.store
      .collection('counters')
      .find({ _id: { $in: claimers.map((_, i) => counterId(activeClaimsKey(`m-h${i}`))) } });
    expect(counts.filter((c) => c.count > 0)).toEqual([expect.objectContaining({ count: 1 })]);
    expect(w.errors).toEqual([]);
  });

  it('tell a claimer whose transaction kept conflicting that the wish is claimed, not that the system is busy', async () => {
    const [me] = await helpers(1);
    await publish('x');
    // The store gives up on conflicts once, while someone else's claim lands.
    let failed = false;
    const flaky: Store = {
      collection: (name) => w.store.collection(name),
      transaction: async (work) => {
        if (failed) return w.store.transaction(work);
        failed = true;
        await w.store.collection('wishes').updateIf('x', { status: 'published' }, { status: 'claimed', claimerId: 'm-ca' });
        throw new StoreError('CONFLICT', 'transaction conflicted 3 times');
      },
    };
    w.deps.store = flaky;
    expect(await w.call(wishes, me, 'claim', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'WISH.ALREADY_CLAIMED' } });
  });

  it("hold one person's claim limit when they claim many wishes at once", async () => {
    const [me] = await helpers(1);
    for (let i = 0; i < 12; i++) await publish(`w${i}`);
    w.deps.store = withLatency(w.store, 2);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => w.call(wishes, me, 'claim', { id: `w${i}` })));
    const ok = answers.filter((a) => a.ok).length;
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThanOrEqual(5);
    for (const a of answers) if (!a.ok) expect(['WISH.CLAIM_LIMIT', 'COMMON.BUSY']).toContain(a.error.code);
    expect(await w.store.collection('wishes').count({ claimerId: 'm-h0', status: 'claimed' })).toBe(ok);
    expect((await w.store.collection('counters').get(counterId(activeClaimsKey('m-h0'))))!.count).toBe(ok);
  });

  it('let a claim and a withdrawal of the same wish race: exactly one of them happens', async () => {
    const claimers = await helpers(20);
    // Counters made beforehand, so that a claim is as quick as the withdrawal.
    for (let i = 0; i < claimers.length; i++) {
      await w.store
        .collection('counters')
        .add({ _id: counterId(activeClaimsKey(`m-h${i}`)), count: 0, updatedAt: '2026-11-20T00:00:00.000Z' });
    }
    const outcomes = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const id = `r${round}`;
      await publish(id);
      w.deps.store = withLatency(w.store, 2);
      // Every other round the withdrawal leaves a moment later, so both orders happen.
      const late = round % 2 === 1 ? 3 : 0;
      const [withdrawn, ...claims] = await Promise.all([
        new Promise((r) => setTimeout(r, late)).then(() => w.call(wishes, 'villagerA', 'withdraw', { id })),
        ...claimers.map((openid) => w.call(wishes, openid, 'claim', { id })),
      ]);
      outcomes.add(withdrawn.ok ? 'withdrawn' : 'claimed');
      w.deps.store = w.store;
      const stored = (await w.store.collection('wishes').get(id))!;
      const claimed = claims.filter((a) => a.ok).length;
      if (withdrawn.ok) {
        expect(stored.status).toBe('withdrawn');
        expect(claimed).toBe(0);
        // A withdrawn wish is gone from every helper's sight: "找不到这个心愿，可能已被撤回".
        for (const a of claims) expect(!a.ok && a.error.code).toBe('WISH.NOT_FOUND');
      } else {
        expect(withdrawn.error.code).toBe('WISH.BAD_TRANSITION');
        expect(stored.status).toBe('claimed');
        expect(claimed).toBe(1);
        for (const a of claims) if (!a.ok) expect(a.error.code).toBe('WISH.ALREADY_CLAIMED');
      }
    }
    expect([...outcomes].sort()).toEqual(['claimed', 'withdrawn']);
  });
});
