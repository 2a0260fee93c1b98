import { Lunar, Solar } from 'lunar-typescript';

/** The three festivals before which cadres visit (seed 000 §一.2: 节日慰问). */
export const festivalNames = ['spring', 'dragon_boat', 'mid_autumn'] as const;
export type FestivalName = (typeof festivalNames)[number];
export const festivalLabels: Record<FestivalName, string> = { spring: '春节', dragon_boat: '端午节', mid_autumn: '中秋节' };

/** Lunar month and day of each festival: 正月初一, 五月初五, 八月十五. */
const lunarDay: Record<FestivalName, [number, number]> = { spring: [1, 1], dragon_boat: [5, 5], mid_autumn: [8, 15] };

const solarOf = (day: string): Solar => {
  const [y, m, d] = day.split('-').map(Number);
  return Solar.fromYmd(y, m, d);
};

/**
 * The festival's Gregorian date in `year`, YYYY-MM-DD. The lunar year that begins with 春节 in
 * Gregorian `year` holds all three, so lunar year `year` is the one to ask.
 */
export function festivalDate(name: FestivalName, year: number): string {
  const key = `${name}:${year}`;
  let date = known.get(key);
  if (date === undefined) {
    const [month, day] = lunarDay[name];
    date = Lunar.fromYmd(year, month, day).getSolar().toYmd();
    known.set(key, date);
  }
  return date;
}
/** The daily timer asks for the same few dates once per household; the lunar conversion is the slow part. */
const known = new Map<string, string>();

export interface FestivalWindow {
  name: FestivalName;
  /** The lunar (= Gregorian festival) year. */
  year: number;
  /** First day of the visiting window: `daysBefore` days before the festival. */
  start: string;
  /** The eve: visits are made before the festival, not on it. */
  end: string;
  date: string;
}

/**
 * The visiting windows [festival − daysBefore, festival − 1 day] that contain `day`, soonest festival
 * first. A window may begin in the year before its festival (春节 in late January), hence the
 * neighbouring years.
 */
export function festivalWindowsAround(day: string, daysBefore: number, names: readonly FestivalName[]): FestivalWindow[] {
  if (daysBefore < 1) return [];
  const year = Number(day.slice(0, 4));
  const found: FestivalWindow[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const name of names) {
      const date = festivalDate(name, y);
      const start = solarOf(date).next(-daysBefore).toYmd();
      const end = solarOf(date).next(-1).toYmd();
      if (start <= day && day <= end) found.push({ name, year: y, start, end, date });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date));
}
