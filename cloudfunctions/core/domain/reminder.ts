import type { Notification } from '../ports/notifier';
import type { MemberRecord } from '../records';
import { routes } from '../../../types/routes';
import { chinaDate } from './time';

/** The morning nudge for a cadre with wishes waiting; none when nothing waits. One per cadre per day. */
export function reviewReminder(cadre: Pick<MemberRecord, '_id'>, pending: number, now: Date): Notification | null {
  if (pending <= 0) return null;
  return {
    to: cadre._id,
    title: '心愿待审核',
    body: `村里有 ${pending} 条微心愿等待您审核，审核通过后才会上心愿墙。`,
    link: routes.reviewWishes,
    dedupeKey: `review-reminder:${cadre._id}:${chinaDate(now)}`,
  };
}
