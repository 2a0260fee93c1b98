import { aMember } from './domain.fixtures';
import { submitWish, toReviewWish } from './wish';

const now = new Date('2026-11-24T02:00:00.000Z');
const villager = aMember({ role: 'villager' });

describe('submitWish', () => {
  it("creates a wish waiting for review in the submitter's village and household", () => {
    expect(submitWish({ id: 'w1', submitter: villager, category: 'study', text: '一个新书包', openWishes: 2, now })).toEqual({
      _id: 'w1',
      villageId: 'v1',
      householdId: 'h1',
      submitterId: 'm-villager',
      category: 'study',
      text: '一个新书包',
      status: 'pending_review',
      createdAt: '2026-11-24T02:00:00.000Z',
      updatedAt: '2026-11-24T02:00:00.000Z',
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

it('shows a reviewer a placeholder when the submitter has left the roster', () => {
  const wish = submitWish({ id: 'w1', submitter: villager, category: 'daily', text: '一床棉被', openWishes: 0, now });
  expect(toReviewWish(wish, null, null)).toMatchObject({ submitterName: '（已移出花名册）', householdLabel: '' });
});
