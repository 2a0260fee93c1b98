import { chinaToday } from '../../services/format';

/** Today's date in China as YYYY-MM-DD, whatever zone the phone is set to. */
export const chinaDate = chinaToday;

/** The first day of this month in China: a ledger usually covers the month so far. */
export const monthStart = (now: Date = new Date()): string => `${chinaDate(now).slice(0, 8)}01`;

/** "2026年12月1日" for a YYYY-MM-DD date. */
export const dateWords = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
