import { formatTime } from '../../services/format';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Due {
  text: string;
  overdue: boolean;
}

/**
 * A claim's due date in words, overdue or not said in the text itself (never by colour alone):
 * "请在 12月8日 10:00 前送达，还剩 3 天" or "已超过送达期限 2 天（12月8日 10:00）".
 */
export function dueText(dueAt: string | null, now: Date = new Date()): Due {
  if (dueAt === null) return { text: '没有送达期限', overdue: false };
  const left = new Date(dueAt).getTime() - now.getTime();
  const when = formatTime(dueAt, now);
  if (left < 0) return { text: `已超过送达期限 ${Math.ceil(-left / DAY_MS)} 天（${when}）`, overdue: true };
  const days = Math.ceil(left / DAY_MS);
  return { text: `请在 ${when} 前送达，${days <= 1 ? '不到 1 天了' : `还剩 ${days} 天`}`, overdue: false };
}
