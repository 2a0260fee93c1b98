import dayjs from 'dayjs';

/** "11月24日 10:00" this year, "2025年11月24日" before: short enough for a small screen. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const t = dayjs(iso);
  return t.year() === now.getFullYear() ? t.format('M月D日 HH:mm') : t.format('YYYY年M月D日');
}

/** "ABCD 2345": an invite code in two halves is easier to read out over the phone. */
export const formatCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`;
