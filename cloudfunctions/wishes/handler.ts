import { MAX_OPEN_WISHES, wishesContract } from '../../types';
import { counterId, openWishesKey } from '../core/counters';
import { DomainError } from '../core/domain/errors';
import { OPEN_WISH_STATUSES, submitWish, toOwnWish, toReviewWish } from '../core/domain/wish';
import { defineHandler } from '../core/handler/define';
import { requestDocId } from '../core/ids';
import { keysetPage } from '../core/paging';
import { getMany, isDuplicateId } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';
import { remindReviewers } from './reminders';

const newestFirst = { field: 'createdAt', direction: 'desc' } as const;

/** Thrown out of the transaction to count a household's stored wishes (queries cannot run inside one). */
class CounterMissing extends Error {}

/** A retry answers what the first attempt stored, and only to the member who stored it. */
function replay(wish: WishRecord, caller: MemberRecord) {
  if (wish.submitterId !== caller._id) throw new DomainError('COMMON.INVALID_INPUT', 'request id belongs to another member');
  return toOwnWish(wish);
}

export const wishesHandler = defineHandler(
  wishesContract,
  {
    async submit({ category, text, requestId }, { deps, now, openid, caller }) {
      const wishes = deps.store.collection('wishes');
      const id = requestDocId(openid, requestId ?? deps.ids.id());
      const earlier = await wishes.get(id);
      if (earlier) return replay(earlier, caller);
      if (!caller.householdId) throw new DomainError('COMMON.FORBIDDEN', 'only a villager of a roster household submits wishes');
      const householdId = caller.householdId;
      const counter = counterId(openWishesKey(householdId));
      // Only a household's first wish needs a count of what is stored; every later one reads its counter.
      let initial: number | null = null;
      for (let attempt = 0; ; attempt++) {
        try {
          const wish = await deps.store.transaction(async (tx) => {
            const found = await tx.get('counters', counter);
            if (!found && initial === null) throw new CounterMissing();
            const open = found ? found.count : initial!;
            const made = submitWish({ id, submitter: caller, category, text, openWishes: open, now });
            const raised = { count: open + 1, updatedAt: now.toISOString() };
            if (found) await tx.update('counters', counter, raised);
            else await tx.add('counters', { _id: counter, ...raised });
            await tx.add('wishes', made);
            return made;
          });
          return toOwnWish(wish);
        } catch (e) {
          if (e instanceof CounterMissing) {
            initial = await wishes.count({ householdId, status: { $in: [...OPEN_WISH_STATUSES] } });
            continue;
          }
          if (!isDuplicateId(e)) throw e;
          // The same request, sent again while the first was still running, got there first.
          const again = await wishes.get(id);
          if (again) return replay(again, caller);
          // Another submit of the household made its counter first: read that one.
          if (attempt >= 2) throw e;
          initial = null;
        }
      }
    },

    async quota(_input, { deps, caller }) {
      if (!caller.householdId) throw new DomainError('COMMON.FORBIDDEN', 'only a villager of a roster household has wishes');
      const counter = await deps.store.collection('counters').get(counterId(openWishesKey(caller.householdId)));
      // No counter yet: the household has never submitted here, or only before counters existed.
      const open = counter
        ? counter.count
        : await deps.store.collection('wishes').count({ householdId: caller.householdId, status: { $in: [...OPEN_WISH_STATUSES] } });
      return { open, max: MAX_OPEN_WISHES };
    },

    async mine(input, { deps, caller }) {
      const page = await keysetPage(deps.store.collection('wishes'), { submitterId: caller._id }, newestFirst, input);
      return { items: page.items.map(toOwnWish), nextCursor: page.nextCursor };
    },

    async pendingReview(input, { deps, caller }) {
      const where = { villageId: caller.villageId ?? '', status: 'pending_review' } as const;
      const page = await keysetPage(deps.store.collection('wishes'), where, newestFirst, input);
      const [members, households] = await Promise.all([
        getMany(
          deps.store.collection('members'),
          page.items.map((w) => w.submitterId),
        ),
        getMany(
          deps.store.collection('households'),
          page.items.map((w) => w.householdId),
        ),
      ]);
      const items = page.items.map((w) => toReviewWish(w, members.get(w.submitterId) ?? null, households.get(w.householdId) ?? null));
      return { items, nextCursor: page.nextCursor };
    },
  },
  { 'daily-review-reminder': remindReviewers },
);
