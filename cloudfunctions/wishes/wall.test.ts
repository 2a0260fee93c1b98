import type { LocalFileStore } from '../core/adapters/local-files';
import type { MemberRecord, WishRecord } from '../core/records';
import { dataOf, makeWorld, people, type World } from '../../test/support/world';
import { wishRecord } from '../../test/support/wish-record';
import { wishesHandler as wishes } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // A helper of a village in another township of the county (远山村).
  const far: MemberRecord = { ...people.helperA, _id: 'm-hf', name: '郑远航', villageId: 'v-far', scopeId: 'v-far', townshipId: 't-far' };
  await w.store.collection('members').add({ ...far, openid: 'wx-m-hf' });
  await w.store.collection('users').add({ _id: 'wx-m-hf', memberId: far._id, boundAt: '2026-11-01T00:00:00.000Z' });
  const countyOffice: MemberRecord = {
    ...people.office,
    _id: 'm-co',
    name: '钱县办',
    scopeLevel: 'county',
    scopeId: 'c-qinghe',
    townshipId: null,
  };
  await w.store.collection('members').add({ ...countyOffice, openid: 'wx-m-co' });
  await w.store.collection('users').add({ _id: 'wx-m-co', memberId: countyOffice._id, boundAt: '2026-11-01T00:00:00.000Z' });
});

/** A published wish of household h-a1 (杏花村) unless `over` says otherwise. */
const published = (over: Partial<WishRecord> & Pick<WishRecord, '_id'>) =>
  w.store.collection('wishes').add(
    wishRecord({
      status: 'published',
      summary: '一床厚棉被',
      publishedAt: '2026-11-20T02:00:00.000Z',
      history: [{ at: '2026-11-19T02:00:00.000Z', by: 'm-va', action: 'submit', from: null, to: 'pending_review', note: null }],
      ...over,
    }),
  );
const inLiuxi = { villageId: 'v-liuxi', householdId: 'h-b1', submitterId: 'm-vb' } as const;
const inFar = { villageId: 'v-far', townshipId: 't-far', householdId: 'h-x1', submitterId: 'm-ot' } as const;

const wallIds = async (who: string, input: object = {}) =>
  dataOf(await w.call(wishes, who, 'wall', input)).items.map((c: { id: string }) => c.id);

describe('the wish wall', () => {
  beforeEach(async () => {
    await published({ _id: 'xv', publishedAt: '2026-11-20T01:00:00.000Z' });
    await published({ _id: 'lv', ...inLiuxi, publishedAt: '2026-11-20T02:00:00.000Z' });
    await published({ _id: 'lt', ...inLiuxi, scope: 'township', publishedAt: '2026-11-20T03:00:00.000Z' });
    await published({ _id: 'fc', ...inFar, scope: 'county', publishedAt: '2026-11-20T04:00:00.000Z' });
    await published({ _id: 'ft', ...inFar, scope: 'township', publishedAt: '2026-11-20T05:00:00.000Z' });
    await published({ _id: 'pending', status: 'pending_review', publishedAt: null });
    await published({ _id: 'claimed', status: 'claimed', claimerId: 'm-ca', claimDueAt: '2026-12-01T00:00:00.000Z' });
  });

  it("shows a helper their village's wishes, their township's widened ones and the county's, newest first", async () => {
    expect(await wallIds('helperA')).toEqual(['fc', 'lt', 'xv']);
    expect(await wallIds('cadreB')).toEqual(['fc', 'lt', 'lv']);
    expect(await wallIds('wx-m-hf')).toEqual(['ft', 'fc']);
  });

  it('shows an office everything published in its area, whatever the scope', async () => {
    expect(await wallIds('office')).toEqual(['lt', 'lv', 'xv']);
    expect(await wallIds('wx-m-co')).toEqual(['ft', 'fc', 'lt', 'lv', 'xv']);
  });

  it('sorts by longest waiting and filters by category', async () => {
    await published({ _id: 'xs', category: 'study', publishedAt: '2026-11-18T00:00:00.000Z' });
    expect(await wallIds('helperA', { sort: 'longest_waiting' })).toEqual(['xs', 'xv', 'lt', 'fc']);
    expect(await wallIds('helperA', { category: 'study' })).toEqual(['xs']);
    expect(await wallIds('helperA', { category: 'health' })).toEqual([]);
  });

  it('pages through the merged queries without repeating or missing a card, in both orders', async () => {
    for (let i = 0; i < 7; i++) {
      await published({ _id: `x${i}`, publishedAt: `2026-11-1${i}T00:00:00.000Z` });
      await published({ _id: `c${i}`, ...inFar, scope: 'county', publishedAt: `2026-11-1${i}T00:00:00.000Z` });
    }
    for (const sort of ['newest', 'longest_waiting']) {
      const all = await wallIds('helperA', { sort, limit: 50 });
      expect(all).toHaveLength(17);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = dataOf(await w.call(wishes, 'helperA', 'wall', { sort, limit: 3, cursor }));
        expect(page.items.length).toBeLessThanOrEqual(3);
        paged.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(all);
    }
  });

  it("shows a card with the household head's masked name and the village, never who or where they are", async () => {
    const photo = await (w.deps.files as LocalFileStore).upload(new Uint8Array([1, 2, 3]), 'image/png');
    await published({ _id: 'xp', value: 80, photos: [photo], publishedAt: '2026-11-22T15:30:00.000Z' });
    // Published at 23:30 on the 22nd in China, read at 00:30 on the 25th: 49 hours, three calendar days.
    w.clock.set('2026-11-24T16:30:00.000Z');
    const page = dataOf(await w.call(wishes, 'helperA', 'wall', { limit: 1 }));
    expect(page.items[0]).toEqual({
      id: 'xp',
      status: 'published',
      maskedName: '王**',
      villageName: '杏花村',
      category: 'daily',
      summary: '一床厚棉被',
      value: 80,
      scope: 'village',
      publishedAt: '2026-11-22T15:30:00.000Z',
      daysWaiting: 3,
      photoUrls: [expect.stringMatching(/^\/api\/files\/[0-9a-f]{64}\.png\?exp=/)],
    });
    const text = JSON.stringify(page);
    for (const secret of ['王建国', '王秀兰', '三组', 'h-a1', 'm-va', '100-0000', '冬天需要']) expect(text).not.toContain(secret);
  });

  it('is not for villagers', async () => {
    expect(await w.call(wishes, 'villagerA', 'wall', {})).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });
});

describe("a wish's own page", () => {
  const get = (who: string, id: string) => w.call(wishes, who, 'get', { id });
  const notFound = { ok: false, error: { code: 'WISH.NOT_FOUND' } };

  it('shows the household its own words and lets it withdraw; other villagers learn nothing', async () => {
    await published({ _id: 'p', status: 'pending_review', publishedAt: null, summary: null });
    const mine = dataOf(await get('villagerA', 'p'));
    expect(mine).toMatchObject({ text: '冬天需要一床厚棉被', publishedAt: null, daysWaiting: 0, can: ['withdraw'] });
    expect(dataOf(await get('neighbourA', 'p')).text).toBe('冬天需要一床厚棉被');
    expect(mine.history).toEqual([expect.objectContaining({ by: '村民 王秀兰', action: 'submit', to: 'pending_review' })]);
    expect(await get('villagerB', 'p')).toMatchObject(notFound);
    expect(await get('villagerB', 'nope')).toMatchObject(notFound);
  });

  it("lets the village's cadre review it, and hides an unpublished wish from helpers, offices and other cadres", async () => {
    await published({ _id: 'p', status: 'pending_review', publishedAt: null, summary: null });
    expect(dataOf(await get('cadreA', 'p'))).toMatchObject({ text: '冬天需要一床厚棉被', can: ['withdraw', 'review'] });
    for (const who of ['cadreB', 'helperA', 'office', 'wx-m-co']) expect(await get(who, 'p')).toMatchObject(notFound);
  });

  it('shows a published wish to helpers in reach without the villager’s words, and offers them the claim', async () => {
    await published({ _id: 'x' });
    const seen = dataOf(await get('helperA', 'x'));
    expect(seen).toMatchObject({ id: 'x', maskedName: '王**', text: null, claim: null, can: ['claim'] });
    expect(seen.history[0].by).toBe('村民 王**');
    expect(dataOf(await get('office', 'x'))).toMatchObject({ text: null, can: [] });
    expect(dataOf(await get('cadreA', 'x')).can).toEqual(['withdraw', 'claim', 'widen']);
    expect(await get('cadreB', 'x')).toMatchObject(notFound);
    expect(await get('wx-m-hf', 'x')).toMatchObject(notFound);
  });

  it('names the claimer in full to the household, masked to others, and shows the delivery only to those involved', async () => {
    await published({
      _id: 'x',
      status: 'fulfilled',
      claimerId: 'm-ha',
      delivery: { note: '已送到家里', photos: [], at: '2026-11-23T00:00:00.000Z' },
    });
    expect(dataOf(await get('villagerA', 'x'))).toMatchObject({
      claim: { claimerName: '陈静', mine: false },
      delivery: { note: '已送到家里', photoUrls: [] },
      can: ['confirm'],
    });
    expect(dataOf(await get('helperA', 'x'))).toMatchObject({ claim: { claimerName: '陈静', mine: true }, can: [] });
    const other = dataOf(await get('office', 'x'));
    expect(other).toMatchObject({ claim: { claimerName: '陈*', mine: false }, delivery: null, thanks: null });
  });
});

describe('widening a wish', () => {
  const widen = (who: string, id: string, scope: string) => w.call(wishes, who, 'widen', { id, scope });

  it('lets the village cadre show a published wish to the whole township, where another village’s cadre may claim it', async () => {
    await published({ _id: 'x' });
    expect(dataOf(await widen('cadreA', 'x', 'township'))).toEqual({ id: 'x', status: 'published', scope: 'township' });
    expect(await wallIds('cadreB')).toEqual(['x']);
    const page = dataOf(await w.call(wishes, 'cadreB', 'get', { id: 'x' }));
    expect(page.can).toEqual(['claim']);
    expect(page.history[page.history.length - 1]).toMatchObject({ by: '驻村干部 赵明远', action: 'widen', note: '全镇' });
    expect(await wallIds('wx-m-hf')).toEqual([]);
    dataOf(await widen('cadreA', 'x', 'county'));
    expect(await wallIds('wx-m-hf')).toEqual(['x']);
  });

  it('refuses to narrow, to widen an unpublished wish, or a cadre of another village, and changes nothing', async () => {
    await published({ _id: 'x', scope: 'county' });
    await published({ _id: 'p', status: 'pending_review', publishedAt: null });
    const before = await w.store.collection('wishes').find({ status: 'published', scope: 'county', countyId: 'c-qinghe' });
    expect(await widen('cadreA', 'x', 'township')).toMatchObject({ ok: false, error: { code: 'WISH.BAD_TRANSITION' } });
    expect(await widen('cadreA', 'p', 'county')).toMatchObject({ ok: false, error: { code: 'WISH.BAD_TRANSITION' } });
    expect(await widen('cadreB', 'x', 'county')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await widen('helperA', 'x', 'county')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await w.store.collection('wishes').find({ status: 'published', scope: 'county', countyId: 'c-qinghe' })).toEqual(before);
    expect((await w.store.collection('wishes').get('p'))!.scope).toBe('village');
  });
});
