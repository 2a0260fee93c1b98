import { wishesContract } from '../../types';
import { reviewReminder } from '../core/domain/reminder';
import { OPEN_WISH_STATUSES, submitWish, toOwnWish, toReviewWish } from '../core/domain/wish';
import { defineHandler } from '../core/handler/define';
import { findAll, getMany } from '../core/ports/store';
import type { HouseholdRecord, MemberRecord, WishRecord } from '../core/records';

const newestFirst = [{ field: 'createdAt', direction: 'desc' as const }];

export const wishesHandler = defineHandler(
  wishesContract,
  {
    async submit({ category, text }, { deps, now, caller }) {
      const wishes = deps.store.collection<WishRecord>('wishes');
      const openWishes = await wishes.count({
        householdId: caller.householdId,
        status: { $in: [...OPEN_WISH_STATUSES] },
      });
      const wish = submitWish({ id: deps.ids.id(), submitter: caller, category, text, openWishes, now });
      await wishes.add(wish);
      return toOwnWish(wish);
    },

    async mine({ cursor = 0, limit = 20 }, { deps, caller }) {
      const found = await deps.store
        .collection<WishRecord>('wishes')
        .find({ submitterId: caller._id }, { orderBy: newestFirst, limit: limit + 1, skip: cursor });
      return {
        items: found.slice(0, limit).map(toOwnWish),
        nextCursor: found.length > limit ? cursor + limit : null,
      };
    },

    async pendingReview({ cursor = 0, limit = 20 }, { deps, caller }) {
      const found = await deps.store
        .collection<WishRecord>('wishes')
        .find({ villageId: caller.villageId, status: 'pending_review' }, { orderBy: newestFirst, limit: limit + 1, skip: cursor });
      const page = found.slice(0, limit);
      const [members, households] = await Promise.all([
        getMany(deps.store.collection<MemberRecord>('members'), page.map((w) => w.submitterId)),
        getMany(deps.store.collection<HouseholdRecord>('households'), page.map((w) => w.householdId)),
      ]);
      const items = page.map((w) => toReviewWish(w, members.get(w.submitterId) ?? null, households.get(w.householdId) ?? null));
      return { items, nextCursor: found.length > limit ? cursor + limit : null };
    },
  },
  async function remindReviewers({ deps, now }) {
    const cadres = await findAll(deps.store.collection<MemberRecord>('members'), { role: 'cadre' });
    const wishes = deps.store.collection<WishRecord>('wishes');
    let notified = 0;
    for (const cadre of cadres) {
      if (!cadre.villageId) continue;
      const pending = await wishes.count({ villageId: cadre.villageId, status: 'pending_review' });
      const reminder = reviewReminder(cadre, pending, now);
      if (reminder && (await deps.notifier.notify(reminder))) notified++;
    }
    return { cadres: cadres.length, notified };
  },
);
