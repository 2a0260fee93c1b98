import { festivalDate, festivalLabels, festivalNames, festivalWindowsAround, type FestivalName } from './festivals';
import { shiftDay } from './visit-policy';

/** Published dates (China's State Council holiday notices and almanacs), not computed here. */
const known: Record<number, Record<FestivalName, string>> = {
  2025: { spring: '2025-01-29', dragon_boat: '2025-05-31', mid_autumn: '2025-10-06' },
  2026: { spring: '2026-02-17', dragon_boat: '2026-06-19', mid_autumn: '2026-09-25' },
  2027: { spring: '2027-02-06', dragon_boat: '2027-06-09', mid_autumn: '2027-09-15' },
  2028: { spring: '2028-01-26', dragon_boat: '2028-05-28', mid_autumn: '2028-10-03' },
  2029: { spring: '2029-02-13', dragon_boat: '2029-06-16', mid_autumn: '2029-09-22' },
  2030: { spring: '2030-02-03', dragon_boat: '2030-06-05', mid_autumn: '2030-09-12' },
};

describe('festivalDate', () => {
  const cases = Object.entries(known).flatMap(([year, dates]) =>
    festivalNames.map((name) => [Number(year), name, dates[name]] as [number, FestivalName, string]),
  );
  it.each(cases)('%i %s is %s', (year, name, date) => {
    expect(festivalDate(name, year)).toBe(date);
  });

  it('names them in Chinese', () => {
    expect(festivalLabels).toEqual({ spring: '春节', dragon_boat: '端午节', mid_autumn: '中秋节' });
  });
});

describe('festivalWindowsAround', () => {
  const all = festivalNames;
  it.each<[string, string | null]>([
    ['2026-02-06', null],
    ['2026-02-07', 'spring'], // 2026-02-17 − 10 days
    ['2026-02-16', 'spring'], // the eve
    ['2026-02-17', null], // the festival itself is too late
    ['2025-01-19', 'spring'],
    ['2025-01-28', 'spring'],
    ['2025-01-29', null],
    ['2025-05-21', 'dragon_boat'],
    ['2025-05-30', 'dragon_boat'],
    ['2025-09-26', 'mid_autumn'], // a window across a month end
    ['2025-09-30', 'mid_autumn'],
    ['2025-10-05', 'mid_autumn'],
    ['2028-01-16', 'spring'],
    ['2028-05-18', 'dragon_boat'],
    ['2028-05-27', 'dragon_boat'],
    ['2030-01-24', 'spring'],
    ['2030-02-02', 'spring'],
    ['2030-09-02', 'mid_autumn'],
    ['2030-09-11', 'mid_autumn'],
    ['2027-07-01', null],
  ])('on %s, 10 days before: %s', (day, name) => {
    const found = festivalWindowsAround(day, 10, all);
    expect(found.map((w) => w.name)).toEqual(name ? [name] : []);
  });

  it('says which festival, which year, its window and date', () => {
    expect(festivalWindowsAround('2026-02-10', 10, all)).toEqual([
      { name: 'spring', year: 2026, start: '2026-02-07', end: '2026-02-16', date: '2026-02-17' },
    ]);
  });

  it('finds a 春节 window that began in the old year', () => {
    expect(festivalWindowsAround('2027-12-31', 30, all)).toEqual([
      { name: 'spring', year: 2028, start: '2027-12-27', end: '2028-01-25', date: '2028-01-26' },
    ]);
  });

  it('a window across 29 February counts the leap day', () => {
    // 2028-05-28 − 90 days is 2028-02-28 only because February 2028 has a 29th.
    expect(festivalWindowsAround('2028-02-29', 90, ['dragon_boat'])).toEqual([
      { name: 'dragon_boat', year: 2028, start: '2028-02-28', end: '2028-05-27', date: '2028-05-28' },
    ]);
    expect(festivalWindowsAround('2028-02-27', 90, ['dragon_boat'])).toEqual([]);
  });

  it('only the festivals the policy lists', () => {
    expect(festivalWindowsAround('2026-02-10', 10, ['dragon_boat', 'mid_autumn'])).toEqual([]);
  });

  it('no window at all when no days before', () => {
    expect(festivalWindowsAround('2026-02-16', 0, all)).toEqual([]);
  });

  it('overlapping windows, soonest festival first', () => {
    const found = festivalWindowsAround('2026-06-10', 120, all);
    expect(found.map((w) => [w.name, w.start])).toEqual([
      ['dragon_boat', '2026-02-19'],
      ['mid_autumn', '2026-05-28'],
    ]);
  });

  it('every day of 2025–2030 is in a 10-day window exactly when a festival falls 1–10 days later', () => {
    const dates = new Set(Object.values(known).flatMap((d) => Object.values(d)));
    for (let day = '2025-01-01'; day <= '2030-12-31'; day = shiftDay(day, 1)) {
      const ahead = [...Array(10).keys()].map((i) => shiftDay(day, i + 1)).filter((d) => dates.has(d));
      expect(festivalWindowsAround(day, 10, all).map((w) => w.date)).toEqual(ahead);
    }
  });
});
