import { formatCode, formatTime } from './format';

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
