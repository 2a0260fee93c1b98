import type { noticesContract } from '../../types';
import { addDays } from '../core/domain/time';
import { byUrgency, isActiveWarning } from '../core/domain/warnings';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import { getMany, isDuplicateId } from '../core/ports/store';
import type { MemberRecord, NoticeRecord } from '../core/records';
import { audienceOf, readId, visibleNotice } from './audience';
import { toNotice } from './notice-view';

/** Warnings in force at once in one place: a handful at most, so one bounded read holds them all. */
const PINNED_MAX = 20;
/** The unread count looks this far back: a member who joins today is not greeted by years of notices. */
export const UNREAD_DAYS = 30;

const newestFirst = { field: 'publishedAt', direction: 'desc' } as const;

async function unreadCount(deps: Deps, caller: MemberRecord, audience: string, now: Date): Promise<number> {
  const since = addDays(now, -UNREAD_DAYS).toISOString();
  const [listed, read] = await Promise.all([
    deps.store.collection('noticeRows').count({ audience, publishedAt: { $gte: since } }),
    deps.store.collection('noticeReads').count({ memberId: caller._id, publishedAt: { $gte: since } }),
  ]);
  return Math.max(0, listed - read);
}

/** The caller's notices: warnings in force pinned on top of the first page, then everything else newest first. */
export const listActions = {
  async list(input, { deps, now, caller }) {
    const audience = audienceOf(caller);
    if (!audience) return { items: [], nextCursor: null, unread: 0 };
    const rows = deps.store.collection('noticeRows');
    const [pinnedRows, page, unread] = await Promise.all([
      input.cursor
        ? Promise.resolve([])
        : rows.find(
            { audience, pinned: true, end: { $gt: now.toISOString() } },
            { orderBy: [{ field: 'end', direction: 'asc' }], limit: PINNED_MAX },
          ),
      keysetPage(rows, { audience }, newestFirst, input),
      unreadCount(deps, caller, audience, now),
    ]);
    const ids = [...pinnedRows, ...page.items].map((r) => r.noticeId);
    const [notices, reads] = await Promise.all([
      getMany(deps.store.collection('notices'), ids),
      getMany(
        deps.store.collection('noticeReads'),
        ids.map((id) => readId(id, caller._id)),
      ),
    ]);
    const view = (n: NoticeRecord) => toNotice(n, reads.has(readId(n._id, caller._id)), now);
    const pinned = pinnedRows
      .map((r) => notices.get(r.noticeId))
      .filter((n): n is NoticeRecord => n !== undefined && isActiveWarning(n, now))
      .sort(byUrgency);
    // Warnings in force sit on top of the first page, so they are left out where they would fall by date.
    const rest = page.items
      .map((r) => notices.get(r.noticeId))
      .filter((n): n is NoticeRecord => n !== undefined && !isActiveWarning(n, now));
    return { items: [...pinned, ...rest].map(view), nextCursor: page.nextCursor, unread };
  },

  async get({ id }, { deps, now, caller }) {
    const notice = await visibleNotice(deps, caller, id);
    const [read, villages] = await Promise.all([
      deps.store.collection('noticeReads').get(readId(id, caller._id)),
      getMany(deps.store.collection('villages'), notice.villageIds),
    ]);
    return {
      ...toNotice(notice, read !== null, now),
      villageNames: notice.villageIds.map((v) => villages.get(v)?.name ?? '').filter(Boolean),
      canSeeReaders: caller.role === 'cadre' || caller.role === 'office',
    };
  },

  async markRead({ id }, { deps, now, caller }) {
    const notice = await visibleNotice(deps, caller, id);
    try {
      await deps.store.collection('noticeReads').add({
        _id: readId(id, caller._id),
        noticeId: id,
        memberId: caller._id,
        villageId: caller.villageId,
        publishedAt: notice.publishedAt,
        readAt: now.toISOString(),
      });
    } catch (e) {
      // Read before: the first time counts.
      if (!isDuplicateId(e)) throw e;
    }
    return { read: true as const };
  },
} satisfies Partial<ActionsOf<typeof noticesContract>>;
