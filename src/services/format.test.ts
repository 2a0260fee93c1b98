import { addDays, chinaToday, daysBetween, formatCode, formatDay, formatTime } from './format';

// These cases name instants in UTC and expect China's wall clock. They bite wherever the test
// machine is not itself on UTC+8 (CI runs in UTC); jest cannot change its zone once running.
describe('times are shown in China time, whatever zone the phone is set to', () => {
  const during2026 = new Date('2026-06-01T00:00:00Z');

  it('shows an instant late in the UTC evening as the next morning in China', () => {
    expect(formatTime('2026-11-26T17:30:00Z', during2026)).toBe('11月27日 01:30');
  });

  it('reads an instant written with any offset as the same moment', () => {
    expect(formatTime('2026-11-27T01:30:00+08:00', during2026)).toBe('11月27日 01:30');
    expect(formatTime('2026-11-26T12:30:00-05:00', during2026)).toBe('11月27日 01:30');
  });

  it('keeps UTC+8 in summer too: China has no daylight saving time', () => {
    expect(formatTime('2026-07-01T00:00:00Z', during2026)).toBe('7月1日 08:00');
  });
});

describe("the year is left out for China's current year", () => {
  it('counts an instant that is already next year in China as this year, once it is next year in China', () => {
    // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in China; "now" is 2027-01-01 01:00 in China.
    expect(formatTime('2026-12-31T16:30:00Z', new Date('2026-12-31T17:00:00Z'))).toBe('1月1日 00:30');
  });

  it('gives the year of something from last year in China, though the phone in UTC is still in that year', () => {
    expect(formatTime('2026-06-01T00:00:00Z', new Date('2026-12-31T17:00:00Z'))).toBe('2026年6月1日');
  });

  it('gives the year of something from another year', () => {
    expect(formatTime('2025-11-24T02:00:00Z', new Date('2026-11-27T00:00:00Z'))).toBe('2025年11月24日');
  });
});

it('splits an invite code in two halves to read out', () => {
  expect(formatCode('ABCD2345')).toBe('ABCD 2345');
});

describe('calendar days in China', () => {
  it('turn over at midnight in China, not where the phone is', () => {
    expect(chinaToday(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(chinaToday(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
  });

  it('count across month ends, year ends and leap days', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(daysBetween('2026-12-05', '2026-12-01')).toBe(-4);
  });

  it('leave out the year of a day in China’s current year', () => {
    expect(formatDay('2026-12-08', '2026-11-30')).toBe('12月8日');
    expect(formatDay('2027-01-03', '2026-11-30')).toBe('2027年1月3日');
  });
});
