import { wishRules } from '../../types';
import type { LocalFileStore } from '../core/adapters/local-files';
import { counterId, openWishesKey } from '../core/counters';
import type { WishRecord } from '../core/records';
import { dataOf, makeWorld, type World } from '../../test/support/world';
import { wishRecord } from '../../test/support/wish-record';
import { activeClaimsKey } from './change-wish';
import { wishesHandler as wishes } from './handler';
import { inboxHandler as inbox } from '../inbox/handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const published = (over: Partial<WishRecord> & Pick<WishRecord, '_id'>) =>
  w.store
    .collection('wishes')
    .add(wishRecord({ status: 'published', summary: '一床厚棉被', publishedAt: '2026-11-20T02:00:00.000Z', ...over }));
const act = (who: string, action: string, input: object) => w.call(wishes, who, action, input);
const wish = async (id: string) => (await w.store.collection('wishes').get(id))!;
const active = async (memberId: string) => (await w.store.collection('counters').get(counterId(activeClaimsKey(memberId))))?.count;
const inboxOf = async (who: string) =>
  dataOf(await w.call(inbox, who, 'list', {})).items as { title: string; body: string; link: string }[];
const refused = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

describe('claiming a wish', () => {
  beforeEach(() => published({ _id: 'x' }));

  it('takes it off the wall with a due date, keeps the history and tells the household and the cadre', async () => {
    const due = '2026-12-08T02:00:00.000Z';
    expect(dataOf(await act('helperA', 'claim', { id: 'x' }))).toEqual({ id: 'x', status: 'claimed', claimDueAt: due });
    expect(await wish('x')).toMatchObject({ status: 'claimed', claimerId: 'm-ha', claimedAt: '2026-11-24T02:00:00.000Z', claimDueAt: due });
    expect((await wish('x')).history).toEqual([
      { at: '2026-11-24T02:00:00.000Z', by: 'm-ha', action: 'claim', from: 'published', to: 'claimed', note: null },
    ]);
    expect(dataOf(await act('cadreA', 'wall', {})).items).toEqual([]);
    expect(dataOf(await act('helperA', 'myClaims', {})).items).toEqual([expect.objectContaining({ id: 'x', claimDueAt: due })]);
    expect(await active('m-ha')).toBe(1);
    for (const who of ['villagerA', 'neighbourA', 'cadreA']) {
      expect(await inboxOf(who)).toEqual([expect.objectContaining({ title: '心愿有人认领了', link: '/wish/detail/index?id=x' })]);
    }
    expect((await inboxOf('villagerA'))[0].body).toContain('帮扶责任人陈静');
    expect(await inboxOf('cadreB')).toEqual([]);
  });

  it('tells a second claimer it is already claimed and changes nothing', async () => {
    dataOf(await act('helperA', 'claim', { id: 'x' }));
    const before = await wish('x');
    expect(await act('cadreA', 'claim', { id: 'x' })).toEqual(refused('WISH.ALREADY_CLAIMED'));
    expect(await wish('x')).toEqual(before);
    expect(await active('m-ca')).toBeUndefined();
  });

  it('refuses a wish outside the caller’s reach as if it did not exist, and villagers and offices by role', async () => {
    await published({ _id: 'b', villageId: 'v-liuxi', householdId: 'h-b1' });
    expect(await act('helperA', 'claim', { id: 'b' })).toEqual(refused('WISH.NOT_FOUND'));
    expect(await act('helperA', 'claim', { id: 'missing' })).toEqual(refused('WISH.NOT_FOUND'));
    expect(await act('villagerA', 'claim', { id: 'x' })).toEqual(refused('COMMON.FORBIDDEN'));
    expect(await act('office', 'claim', { id: 'x' })).toEqual(refused('COMMON.FORBIDDEN'));
    await published({ _id: 'p', status: 'pending_review' });
    expect(await act('helperA', 'claim', { id: 'p' })).toEqual(refused('WISH.NOT_FOUND'));
    expect(await act('cadreA', 'claim', { id: 'p' })).toEqual(refused('WISH.BAD_TRANSITION'));
    expect((await wish('b')).status).toBe('published');
    expect(await w.store.collection('counters').count({})).toBe(0);
  });

  it(`lets one person hold at most ${wishRules.maxActiveClaims} claims, counting those made before the counter`, async () => {
    await published({ _id: 'old', status: 'claimed', claimerId: 'm-ha', claimDueAt: '2026-12-01T00:00:00.000Z' });
    for (let i = 0; i < wishRules.maxActiveClaims; i++) await published({ _id: `w${i}` });
    for (let i = 0; i < wishRules.maxActiveClaims - 1; i++) dataOf(await act('helperA', 'claim', { id: `w${i}` }));
    const last = `w${wishRules.maxActiveClaims - 1}`;
    expect(await act('helperA', 'claim', { id: last })).toEqual(refused('WISH.CLAIM_LIMIT'));
    expect((await wish(last)).status).toBe('published');
    dataOf(await act('helperA', 'release', { id: 'w0', reason: '临时出差' }));
    dataOf(await act('helperA', 'claim', { id: last }));
    expect(await active('m-ha')).toBe(wishRules.maxActiveClaims);
  });

  it('lists my claims soonest due first, in pages', async () => {
    await published({ _id: 'y' });
    await published({ _id: 'z' });
    for (const [id, at] of [
      ['y', '2026-11-24T05:00:00.000Z'],
      ['x', '2026-11-24T06:00:00.000Z'],
      ['z', '2026-11-24T04:00:00.000Z'],
    ]) {
      w.clock.set(at);
      dataOf(await act('helperA', 'claim', { id }));
    }
    const first = dataOf(await act('helperA', 'myClaims', { limit: 2 }));
    expect(first.items.map((c: { id: string }) => c.id)).toEqual(['z', 'y']);
    const second = dataOf(await act('helperA', 'myClaims', { limit: 2, cursor: first.nextCursor }));
    expect(second).toEqual({ items: [expect.objectContaining({ id: 'x' })], nextCursor: null });
    expect(dataOf(await act('cadreA', 'myClaims', {})).items).toEqual([]);
  });
});

describe('releasing, delivering, confirming and thanking', () => {
  beforeEach(async () => {
    await published({ _id: 'x' });
    dataOf(await act('helperA', 'claim', { id: 'x' }));
  });

  it('puts a released wish back on the wall, frees the claim and tells the cadre why', async () => {
    expect(await act('cadreA', 'release', { id: 'x', reason: '不是我认领的' })).toEqual(refused('COMMON.FORBIDDEN'));
    expect(await act('helperA', 'release', { id: 'x', reason: '这' })).toMatchObject(refused('COMMON.INVALID_INPUT'));
    expect((await wish('x')).status).toBe('claimed');
    expect(dataOf(await act('helperA', 'release', { id: 'x', reason: '临时出差去外地' }))).toEqual({ id: 'x', status: 'published' });
    expect(await wish('x')).toMatchObject({ status: 'published', claimerId: null, claimDueAt: null, claimedAt: null });
    expect(await active('m-ha')).toBe(0);
    const [note] = (await inboxOf('cadreA')).filter((n) => n.title === '认领已放弃');
    expect(note.body).toContain('临时出差去外地');
    expect(dataOf(await act('cadreB', 'wall', {})).items).toEqual([]);
    expect(dataOf(await act('helperA', 'wall', {})).items).toEqual([expect.objectContaining({ id: 'x' })]);
  });

  it('records a delivery with a note and photos that exist, and tells the household', async () => {
    const files = w.deps.files as LocalFileStore;
    const photo = await files.upload(new Uint8Array([9, 9]), 'image/jpeg');
    const missing = 'local://' + 'a'.repeat(64) + '.jpg';
    expect(await act('helperA', 'fulfil', { id: 'x', note: '有人在搞赌博', photos: [photo] })).toEqual(refused('WISH.CONTENT_RISKY'));
    expect(await act('helperA', 'fulfil', { id: 'x', note: '已经送到家里了', photos: [missing] })).toEqual(refused('COMMON.INVALID_INPUT'));
    expect(await act('cadreA', 'fulfil', { id: 'x', note: '已经送到家里了' })).toEqual(refused('COMMON.FORBIDDEN'));
    expect((await wish('x')).status).toBe('claimed');

    expect(dataOf(await act('helperA', 'fulfil', { id: 'x', note: '已经送到家里了', photos: [photo] }))).toEqual({
      id: 'x',
      status: 'fulfilled',
    });
    expect(await wish('x')).toMatchObject({
      status: 'fulfilled',
      claimerId: 'm-ha',
      delivery: { note: '已经送到家里了', photos: [photo] },
    });
    expect(await active('m-ha')).toBe(0);
    expect((await inboxOf('villagerA')).map((n) => n.title)).toContain('心愿已送达');
    const seen = dataOf(await act('villagerA', 'get', { id: 'x' }));
    expect(seen.delivery).toEqual({ note: '已经送到家里了', photoUrls: [expect.stringMatching(/^\/api\/files\//)] });
    expect(seen.can).toEqual(['confirm']);
  });

  it('lets the household confirm receipt (never the claimer), which frees its place under the cap and tells the claimer', async () => {
    await w.store.collection('counters').add({ _id: counterId(openWishesKey('h-a1')), count: 2, updatedAt: '2026-11-20T00:00:00.000Z' });
    expect(await act('villagerA', 'confirm', { id: 'x' })).toEqual(refused('WISH.BAD_TRANSITION'));
    dataOf(await act('helperA', 'fulfil', { id: 'x', note: '已经送到家里了' }));
    expect(await act('villagerB', 'confirm', { id: 'x' })).toEqual(refused('WISH.NOT_FOUND'));
    expect(dataOf(await act('villagerA', 'confirm', { id: 'x' }))).toEqual({ id: 'x', status: 'confirmed' });
    expect((await w.store.collection('counters').get(counterId(openWishesKey('h-a1'))))!.count).toBe(1);
    expect((await inboxOf('helperA')).map((n) => n.title)).toContain('对方已确认收到');
    expect(await act('cadreA', 'confirm', { id: 'x' })).toEqual(refused('WISH.BAD_TRANSITION'));
  });

  it('never lets a cadre who delivered confirm it', async () => {
    await published({ _id: 'c' });
    dataOf(await act('cadreA', 'claim', { id: 'c' }));
    dataOf(await act('cadreA', 'fulfil', { id: 'c', note: '已经送到家里了' }));
    expect(await act('cadreA', 'confirm', { id: 'c' })).toEqual(refused('COMMON.FORBIDDEN'));
    expect((await wish('c')).status).toBe('fulfilled');
  });

  it('takes one thank-you from the household, checked, and passes it to the claimer', async () => {
    expect(await act('villagerA', 'thank', { id: 'x', text: '谢谢您送来的棉被' })).toEqual(refused('WISH.BAD_TRANSITION'));
    dataOf(await act('helperA', 'fulfil', { id: 'x', note: '已经送到家里了' }));
    dataOf(await act('neighbourA', 'confirm', { id: 'x' }));
    expect(await act('villagerA', 'thank', { id: 'x', text: '网赌来钱快' })).toEqual(refused('WISH.CONTENT_RISKY'));
    expect(dataOf(await act('villagerA', 'thank', { id: 'x', text: '谢谢您送来的棉被' }))).toEqual({ id: 'x', status: 'confirmed' });
    expect(await act('neighbourA', 'thank', { id: 'x', text: '再次感谢您' })).toEqual(refused('WISH.ALREADY_THANKED'));
    expect((await wish('x')).thanks).toEqual({ text: '谢谢您送来的棉被', at: '2026-11-24T02:00:00.000Z' });
    expect((await inboxOf('helperA')).find((n) => n.title === '收到一份感谢')!.body).toContain('谢谢您送来的棉被');
    expect(dataOf(await act('helperA', 'get', { id: 'x' })).thanks).toBe('谢谢您送来的棉被');
    const history = dataOf(await act('villagerA', 'get', { id: 'x' })).history.map((e: { action: string }) => e.action);
    expect(history).toEqual(['claim', 'fulfil', 'confirm', 'thank']);
  });
});

describe('the claim check (the daily timer)', () => {
  const check = () => w.fireTimer(wishes, 'daily');

  beforeEach(async () => {
    await published({ _id: 'x' });
    await published({ _id: 'y' });
    dataOf(await act('helperA', 'claim', { id: 'x' })); // due 2026-12-08T02:00Z
    w.clock.set('2026-11-25T02:00:00.000Z');
    dataOf(await act('cadreA', 'claim', { id: 'y' })); // due 2026-12-09T02:00Z
  });

  it('reminds a claimer once, three days before the claim is due', async () => {
    w.clock.set('2026-12-05T01:59:00.000Z');
    expect(dataOf(await check())).toMatchObject({ expired: 0, reminded: 0 });
    w.clock.set('2026-12-05T03:00:00.000Z');
    expect(dataOf(await check())).toMatchObject({ expired: 0, reminded: 1 });
    expect(dataOf(await check())).toMatchObject({ expired: 0, reminded: 0 });
    const reminders = (await inboxOf('helperA')).filter((n) => n.title === '认领的心愿快到期了');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ link: '/wish/detail/index?id=x' });
    expect(reminders[0].body).toContain('2026-12-08');
    expect((await wish('x')).claimRemindedAt).toBe('2026-12-05T03:00:00.000Z');
  });

  it('puts an overdue claim back on the wall and tells the claimer and the cadre, once', async () => {
    w.clock.set('2026-12-08T02:00:00.000Z');
    expect(dataOf(await check())).toMatchObject({ expired: 1, reminded: 1 });
    expect(await wish('x')).toMatchObject({ status: 'published', claimerId: null, claimDueAt: null });
    expect((await wish('x')).history.at(-1)).toMatchObject({ by: 'system', action: 'expire', from: 'claimed', to: 'published' });
    expect(await active('m-ha')).toBe(0);
    expect((await inboxOf('helperA')).map((n) => n.title)).toContain('认领已到期');
    expect((await inboxOf('cadreA')).filter((n) => n.title === '认领已到期')).toHaveLength(1);
    expect(dataOf(await check())).toMatchObject({ expired: 0, reminded: 0 });
    expect(dataOf(await w.call(wishes, 'helperA', 'get', { id: 'x' })).history.at(-1).by).toBe('系统');
  });

  it('reads overdue claims in pages, however many there are', async () => {
    for (let i = 0; i < 150; i++) {
      await published({ _id: `o${i}`, status: 'claimed', claimerId: 'm-ha', claimDueAt: `2026-11-2${i % 3}T00:00:00.000Z` });
    }
    w.clock.set('2026-11-24T03:00:00.000Z');
    expect(dataOf(await check())).toMatchObject({ expired: 150, reminded: 0 });
    // Only the claim of the story, due in December, is left.
    expect(await w.store.collection('wishes').count({ claimerId: 'm-ha', status: 'claimed' })).toBe(1);
  });

  it('leaves delivered and released claims alone', async () => {
    dataOf(await act('helperA', 'fulfil', { id: 'x', note: '已经送到家里了' }));
    dataOf(await act('cadreA', 'release', { id: 'y', reason: '临时出差去外地' }));
    w.clock.set('2026-12-20T00:00:00.000Z');
    expect(dataOf(await check())).toMatchObject({ expired: 0, reminded: 0 });
    expect((await wish('x')).status).toBe('fulfilled');
  });
});
