import { instantOf, nextDay, whenOf } from './when-field';

describe('a warning’s start and end in China time', () => {
  it('reads an instant as China’s day and hour, whatever the phone’s zone', () => {
    expect(whenOf('2026-11-27T17:30:00.000Z')).toEqual({ date: '2026-11-28', hour: 1 });
    expect(whenOf('2026-11-27T06:00:00.000Z')).toEqual({ date: '2026-11-27', hour: 14 });
  });

  it('writes the hour’s start with China’s offset, and back', () => {
    expect(instantOf({ date: '2026-11-28', hour: 1 })).toBe('2026-11-28T01:00:00+08:00');
    expect(Date.parse(instantOf({ date: '2026-11-28', hour: 1 }))).toBe(Date.parse('2026-11-27T17:00:00Z'));
    expect(whenOf(instantOf({ date: '2026-12-31', hour: 23 }))).toEqual({ date: '2026-12-31', hour: 23 });
  });

  it('starts a new warning this hour and ends it a day later, across a year’s end', () => {
    expect(nextDay(new Date('2026-12-31T15:10:00Z'))).toEqual({
      start: { date: '2026-12-31', hour: 23 },
      end: { date: '2027-01-01', hour: 23 },
    });
  });
});
