import { aMember } from './domain.fixtures';
import { defaultSummary, mayKnowOf, reviewNotice, submitWish, submitWishFor, toOwnWish, toReviewWish, wishState } from './wish';

const now = new Date('2026-11-24T02:00:00.000Z');
const villager = aMember({ role: 'villager' });
const cadre = aMember({ role: 'cadre' });

describe('submitWish', () => {
  it("creates a wish waiting for review in the submitter's village and household, with its first history entry", () => {
    const wish = submitWish({
      id: 'w1',
      submitter: villager,
      category: 'study',
      text: '一个新书包',
      value: 80,
      photos: ['cloud://p1'],
      openWishes: 2,
      now,
    });
    expect(wish).toEqual({
      _id: 'w1',
      villageId: 'v1',
      townshipId: 't1',
      countyId: 'c1',
      householdId: 'h1',
      submitterId: 'm-villager',
      channel: null,
      category: 'study',
      text: '一个新书包',
      summary: null,
      value: 80,
      photos: ['cloud://p1'],
      status: 'pending_review',
      scope: 'village',
      rejectReason: null,
      publishedAt: null,
      claimerId: null,
      claimedAt: null,
      claimDueAt: null,
      claimRemindedAt: null,
      delivery: null,
      thanks: null,
      history: [{ at: '2026-11-24T02:00:00.000Z', by: 'm-villager', action: 'submit', from: null, to: 'pending_review', note: null }],
      createdAt: '2026-11-24T02:00:00.000Z',
      updatedAt: '2026-11-24T02:00:00.000Z',
    });
  });

  it('stores no value and no photos when none were given', () => {
    expect(submitWish({ id: 'w1', submitter: villager, category: 'study', text: '一个新书包', openWishes: 0, now })).toMatchObject({
      value: null,
      photos: [],
    });
  });

  it('refuses a fourth open wish of a household', () => {
    expect(() => submitWish({ id: 'w1', submitter: villager, category: 'study', text: '一个新书包', openWishes: 3, now })).toThrow(
      'WISH.TOO_MANY_OPEN',
    );
  });

  it('refuses anyone who is not a villager of a household', () => {
    for (const submitter of [aMember({ role: 'helper' }), { ...villager, householdId: null }]) {
      expect(() => submitWish({ id: 'w1', submitter, category: 'study', text: '一个新书包', openWishes: 0, now })).toThrow();
    }
  });
});

describe('submitWishFor', () => {
  const draft = { id: 'w1', category: 'daily' as const, text: '需要一床棉被', channel: 'visit' as const, openWishes: 0, now };

  it('records the household, the cadre as submitter and how the wish was collected', () => {
    const wish = submitWishFor({ ...draft, cadre, household: { _id: 'h9', villageId: 'v1' } });
    expect(wish).toMatchObject({ householdId: 'h9', villageId: 'v1', submitterId: 'm-cadre', channel: 'visit', status: 'pending_review' });
    expect(wish.history).toEqual([expect.objectContaining({ by: 'm-cadre', action: 'submit' })]);
  });

  it('calls a household of another village, or none, not found', () => {
    for (const household of [{ _id: 'h9', villageId: 'v2' }, null]) {
      expect(() => submitWishFor({ ...draft, cadre, household })).toThrow('HOUSEHOLD.NOT_FOUND');
    }
  });

  it('holds the household cap and refuses anyone but a cadre', () => {
    expect(() => submitWishFor({ ...draft, openWishes: 3, cadre, household: { _id: 'h9', villageId: 'v1' } })).toThrow(
      'WISH.TOO_MANY_OPEN',
    );
    expect(() => submitWishFor({ ...draft, cadre: aMember({ role: 'helper' }), household: { _id: 'h9', villageId: 'v1' } })).toThrow(
      'only a village cadre',
    );
  });
});

describe('defaultSummary', () => {
  it('keeps a text of at most 100 characters as it is', () => {
    const text = '字'.repeat(100);
    expect(defaultSummary(text)).toBe(text);
  });

  it('cuts a longer text after the last sentence that fits', () => {
    const first = `${'甲'.repeat(30)}。`;
    const second = `${'乙'.repeat(60)}！`;
    expect(defaultSummary(first + second + '丙'.repeat(50))).toBe(first + second);
  });

  it('cuts at a character with an ellipsis when no sentence ends early enough, never inside a character', () => {
    const summary = defaultSummary(`${'𠮷'.repeat(5)}。${'丁'.repeat(150)}`);
    expect(Array.from(summary)).toHaveLength(100);
    expect(summary.endsWith('丁…')).toBe(true);
    expect(summary.startsWith('𠮷'.repeat(5))).toBe(true);
  });
});

describe('who may know of a wish before it is public', () => {
  const wish = submitWish({ id: 'w1', submitter: villager, category: 'daily', text: '一床棉被', openWishes: 0, now });
  it('is its household and the cadres of its village', () => {
    expect(mayKnowOf(villager, wish)).toBe(true);
    expect(mayKnowOf(cadre, wish)).toBe(true);
    expect(mayKnowOf({ ...villager, householdId: 'h2' }, wish)).toBe(false);
    expect(mayKnowOf({ ...cadre, villageId: 'v2' }, wish)).toBe(false);
    expect(mayKnowOf(aMember({ role: 'helper' }), wish)).toBe(false);
  });
});

it('shows a reviewer a placeholder when the submitter has left the roster', () => {
  const wish = submitWish({ id: 'w1', submitter: villager, category: 'daily', text: '一床棉被', openWishes: 0, now });
  expect(toReviewWish(wish, null, null)).toMatchObject({
    submitterName: '（已移出花名册）',
    householdLabel: '',
    channel: null,
    photoUrls: [],
  });
});

it("gives the household its wish's value, rejection reason, due date and whether it thanked", () => {
  const wish = submitWish({ id: 'w1', submitter: villager, category: 'daily', text: '一床棉被', openWishes: 0, now });
  expect(toOwnWish(wish)).toMatchObject({ value: null, rejectReason: null, claimDueAt: null, thanked: false });
  const thanked = { ...wish, thanks: { text: '谢谢', at: '2026-12-01T00:00:00.000Z' } };
  expect(toOwnWish(thanked).thanked).toBe(true);
  expect(wishState(thanked).thankedAt).toBe('2026-12-01T00:00:00.000Z');
});

describe('reviewNotice', () => {
  it('tells the household its wish is on the wall, quoting the summary', () => {
    expect(reviewNotice({ text: '原话', summary: '一床棉被', status: 'published', rejectReason: null })).toEqual({
      title: '心愿已上墙',
      body: '您的心愿“一床棉被”已通过审核，上了心愿墙，等待帮扶人认领。',
    });
  });

  it('gives the reason of a rejection', () => {
    const notice = reviewNotice({ text: '想要一部新手机', summary: null, status: 'rejected', rejectReason: '超出微心愿的范围。' });
    expect(notice.title).toBe('心愿未通过审核');
    expect(notice.body).toBe('您的心愿“想要一部新手机”没有通过审核。原因：超出微心愿的范围。可以修改后重新提交。');
  });
});
