import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * China time is UTC+8 all year: China has kept no daylight saving time since 1991. A fixed offset
 * is therefore exact, and needs none of the Intl time-zone data that old Android WebViews lack
 * (dayjs's timezone plugin and Intl's `timeZone: 'Asia/Shanghai'` rely on it).
 */
const CHINA_OFFSET_MINUTES = 8 * 60;

const inChina = (t: string | Date) => dayjs(t).utcOffset(CHINA_OFFSET_MINUTES);

/**
 * "11月24日 10:00" this year, "2025年11月24日" before: short enough for a small screen. Always in
 * China time, whatever zone the phone is set to, and "this year" is China's year.
 */
export function formatTime(iso: string, now: Date = new Date()): string {
  const t = inChina(iso);
  return t.year() === inChina(now).year() ? t.format('M月D日 HH:mm') : t.format('YYYY年M月D日');
}

/** "ABCD 2345": an invite code in two halves is easier to read out over the phone. */
export const formatCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date in China as YYYY-MM-DD, whatever zone the phone is set to (China is UTC+8 all year). */
export const chinaToday = (now: Date = new Date()): string =>
  new Date(now.getTime() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);

/** A calendar day `n` days after `date` (both YYYY-MM-DD): pure date arithmetic, no zone involved. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const at = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((at(to) - at(from)) / DAY_MS);
}

/** "12月8日" for a YYYY-MM-DD day of China's current year, "2027年1月3日" for another year. */
export function formatDay(date: string, today: string = chinaToday()): string {
  const [y, m, d] = date.split('-').map(Number);
  return date.slice(0, 4) === today.slice(0, 4) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}
