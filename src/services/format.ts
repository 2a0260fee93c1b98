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
