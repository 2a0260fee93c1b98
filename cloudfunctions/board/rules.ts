import { boardRules, type BoardStatus } from '../../types/board';
import { CHINA_OFFSET_MS } from '../core/domain/time';
import type { BoardPostRecord, BoardReplyRecord, MemberRecord } from '../core/records';

/**
 * The board's rules as plain functions of their arguments: who sees what, the list's order, when
 * reports hide a post, and the keys of the per-person limits.
 */

/** China-time hour of `at`, as YYYY-MM-DDTHH: posting limits count per calendar hour and day in China. */
const chinaHour = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 13);

/** Counter keys of a person's posts and replies in the hour and the day of `now` (see core/counters.ts). */
export const limitKeys = (memberId: string, now: Date): { hour: string; day: string } => ({
  hour: `board-hour:${memberId}:${chinaHour(now)}`,
  day: `board-day:${memberId}:${chinaHour(now).slice(0, 10)}`,
});

/** Whether one more post or reply would go over a limit, given what the counters hold. */
export const overLimit = (counts: { hour: number; day: number }): boolean =>
  counts.hour >= boardRules.postsPerHour || counts.day >= boardRules.postsPerDay;

/** The list's order: pinned posts first, then the newest; ISO instants sort as text. */
export const sortKeyOf = (pinned: boolean, createdAt: string): string => `${pinned ? '1' : '0'}${createdAt}`;

/** The content check's verdict as the board stores it: 'review' waits for a cadre (待审核). */
export const statusFor = (verdict: 'pass' | 'review'): BoardStatus => (verdict === 'pass' ? 'visible' : 'held');

export const isVillageCadre = (caller: MemberRecord, villageId: string): boolean =>
  caller.role === 'cadre' && caller.villageId === villageId;

/**
 * Whether the caller may know a post exists: only of their own village; deleted for nobody;
 * held or hidden for its author and the village's cadres.
 */
export function canSeePost(post: BoardPostRecord, caller: MemberRecord): boolean {
  if (post.villageId !== caller.villageId || post.status === 'deleted') return false;
  return post.status === 'visible' || post.authorId === caller._id || isVillageCadre(caller, post.villageId);
}

/** The same for a reply under a post the caller sees. */
export function canSeeReply(reply: BoardReplyRecord, post: BoardPostRecord, caller: MemberRecord): boolean {
  if (reply.status === 'deleted') return false;
  return reply.status === 'visible' || reply.authorId === caller._id || isVillageCadre(caller, post.villageId);
}

/** Reports since a cadre last reviewed the post: those a cadre already weighed (and restored it over) count no more. */
export const openReports = (post: BoardPostRecord): number =>
  post.reports.filter((r) => post.reviewedAt === null || r.at > post.reviewedAt).length;

/** Whether the reports now ask for the post to be hidden pending a cadre's review. */
export const reportsHide = (post: BoardPostRecord): boolean => post.status === 'visible' && openReports(post) >= boardRules.reportsToHide;
