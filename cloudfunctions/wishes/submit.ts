import { MAX_OPEN_WISHES, type wishesContract } from '../../types';
import { counterId, openWishesKey } from '../core/counters';
import { DomainError } from '../core/domain/errors';
import { OPEN_WISH_STATUSES, submitWish, submitWishFor, toOwnWish } from '../core/domain/wish';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { requestDocId } from '../core/ids';
import { keysetPage } from '../core/paging';
import { isDuplicateId } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';
import { checkPhotos } from '../core/photos';

const newestFirst = { field: 'createdAt', direction: 'desc' } as const;

/** Thrown out of the transaction to count a household's stored wishes (queries cannot run inside one). */
class CounterMissing extends Error {}

/** A retry answers what the first attempt stored, and only to the member who stored it. */
function replay(wish: WishRecord, caller: MemberRecord) {
  if (wish.submitterId !== caller._id) throw new DomainError('COMMON.INVALID_INPUT', 'request id belongs to another member');
  return toOwnWish(wish);
}

/**
 * Text others will read passes the content check first. 'review' is stored like 'pass': every
 * wish waits for the village cadre's review before anyone else sees it, and the cadre is the
 * person WeChat's 'review' asks for. Only 'risky' is refused, and nothing is stored.
 */
async function checkText(deps: Deps, text: string, openid: string): Promise<void> {
  if ((await deps.content.check(text, openid)) === 'risky') throw new DomainError('WISH.CONTENT_RISKY');
}

/**
 * Stores a new wish under the household's open-wish cap: the counter document is read, checked
 * and raised in the transaction that adds the wish, so concurrent submits of one household
 * conflict on it and the cap holds on CloudBase. `id` comes from the caller's request id, so a
 * retry answers the wish the first attempt stored.
 */
async function storeWish(
  deps: Deps,
  now: Date,
  args: { id: string; householdId: string; caller: MemberRecord; make: (openWishes: number) => WishRecord },
) {
  const wishes = deps.store.collection('wishes');
  const counter = counterId(openWishesKey(args.householdId));
  // Only a household's first wish needs a count of what is stored; every later one reads its counter.
  let initial: number | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const wish = await deps.store.transaction(async (tx) => {
        const found = await tx.get('counters', counter);
        if (!found && initial === null) throw new CounterMissing();
        const open = found ? found.count : initial!;
        const made = args.make(open);
        const raised = { count: open + 1, updatedAt: now.toISOString() };
        if (found) await tx.update('counters', counter, raised);
        else await tx.add('counters', { _id: counter, ...raised });
        await tx.add('wishes', made);
        return made;
      });
      return toOwnWish(wish);
    } catch (e) {
      if (e instanceof CounterMissing) {
        initial = await wishes.count({ householdId: args.householdId, status: { $in: [...OPEN_WISH_STATUSES] } });
        continue;
      }
      if (!isDuplicateId(e)) throw e;
      // The same request, sent again while the first was still running, got there first.
      const again = await wishes.get(args.id);
      if (again) return replay(again, args.caller);
      // Another submit of the household made its counter first: read that one.
      if (attempt >= 2) throw e;
      initial = null;
    }
  }
}

/** Writing a wish into the box (the villager's own, or one a cadre collected), and the household's view of its wishes. */
export const submitActions = {
  async submit({ category, text, value, photos, requestId }, { deps, now, openid, caller }) {
    const id = requestDocId(openid, requestId ?? deps.ids.id());
    const earlier = await deps.store.collection('wishes').get(id);
    if (earlier) return replay(earlier, caller);
    if (!caller.householdId) throw new DomainError('COMMON.FORBIDDEN', 'only a villager of a roster household submits wishes');
    const stored = await checkPhotos(deps, photos ?? []);
    await checkText(deps, text, openid);
    return storeWish(deps, now, {
      id,
      householdId: caller.householdId,
      caller,
      make: (openWishes) => submitWish({ id, submitter: caller, category, text, value, photos: stored, openWishes, now }),
    });
  },

  async submitFor({ householdId, category, text, value, channel, requestId }, { deps, now, openid, caller }) {
    const id = requestDocId(openid, requestId ?? deps.ids.id());
    const earlier = await deps.store.collection('wishes').get(id);
    if (earlier) return replay(earlier, caller);
    const household = await deps.store.collection('households').get(householdId);
    // Before the content check: a household outside the cadre's village is not found, whatever the text says.
    if (!household || household.villageId !== caller.villageId) throw new DomainError('HOUSEHOLD.NOT_FOUND');
    await checkText(deps, text, openid);
    return storeWish(deps, now, {
      id,
      householdId,
      caller,
      make: (openWishes) => submitWishFor({ id, cadre: caller, household, channel, category, text, value, openWishes, now }),
    });
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

  /** The household's wishes, those a cadre wrote down for it included: any of its villagers follows and confirms them. */
  async mine(input, { deps, caller }) {
    if (!caller.householdId) return { items: [], nextCursor: null };
    const page = await keysetPage(deps.store.collection('wishes'), { householdId: caller.householdId }, newestFirst, input);
    return { items: page.items.map(toOwnWish), nextCursor: page.nextCursor };
  },
} satisfies Partial<ActionsOf<typeof wishesContract>>;
