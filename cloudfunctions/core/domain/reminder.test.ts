import { reviewReminder } from './reminder';
import { chinaDate } from './time';

describe('reviewReminder', () => {
  it('says nothing when no wish waits', () => {
    expect(reviewReminder({ _id: 'm1' }, 0, new Date())).toBeNull();
  });

  it('keys the reminder by cadre and Chinese calendar day, so a late-evening UTC run counts for the next day', () => {
    const evening = reviewReminder({ _id: 'm1' }, 2, new Date('2026-11-24T15:59:59.000Z'));
    const midnight = reviewReminder({ _id: 'm1' }, 2, new Date('2026-11-24T16:00:00.000Z'));
    expect(evening?.dedupeKey).toBe('review-reminder:m1:2026-11-24');
    expect(midnight?.dedupeKey).toBe('review-reminder:m1:2026-11-25');
    expect(evening?.body).toContain('2 条');
  });
});

it('reads the date in China time', () => {
  expect(chinaDate(new Date('2026-12-31T16:30:00.000Z'))).toBe('2027-01-01');
});
