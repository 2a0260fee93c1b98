import { routes, type wishesContract } from '../../types';
import { lowerCounter, openWishesKey } from '../core/counters';
import { DomainError } from '../core/domain/errors';
import { defaultSummary, mayKnowOf, reviewNotice, toReviewWish, wishState } from '../core/domain/wish';
import { applyWishAction, type WishAction } from '../core/domain/wish-machine';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import { getMany, type Patch } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';
import { changeWish, householdVillagers } from './change-wish';

const newestFirst = { field: 'createdAt', direction: 'desc' } as const;

/** A wish the caller may not know of is "not found", never "forbidden": its existence stays private. */
const notFound = () => new DomainError('WISH.NOT_FOUND');

/**
 * One action of the state machine on a wish the caller may know of; a wish that leaves the open
 * statuses (rejected, withdrawn) frees its place under the household's cap in the same transaction.
 */
const change = (deps: Deps, now: Date, caller: MemberRecord, id: string, action: WishAction, extra: Patch<WishRecord> = {}) =>
  changeWish(deps, id, action, { kind: 'member', member: caller }, now, {
    visible: (w) => mayKnowOf(caller, w),
    patch: () => extra,
    inTx: async (tx, w, next) => {
      if (next.status === 'rejected' || next.status === 'withdrawn') await lowerCounter(tx, openWishesKey(w.householdId), now);
    },
  }).then((c) => c.after);

/** Who hears of a review: the villager who wrote the wish, or, for one a cadre wrote down, the household's bound villagers. */
async function householdReaders(deps: Deps, w: WishRecord): Promise<{ to: string; openid?: string | null }[]> {
  if (w.channel === null) return [{ to: w.submitterId }];
  return (await householdVillagers(deps, w.householdId)).map((m) => ({ to: m._id, openid: m.openid }));
}

/** The village cadre's review of what the box received, and the withdrawal of a wish before anyone claimed it. */
export const reviewActions = {
  async pendingReview(input, { deps, caller }) {
    const where = { villageId: caller.villageId ?? '', status: 'pending_review' } as const;
    const page = await keysetPage(deps.store.collection('wishes'), where, newestFirst, input);
    const photos = page.items.flatMap((w) => w.photos);
    const [members, households, urls] = await Promise.all([
      getMany(
        deps.store.collection('members'),
        page.items.map((w) => w.submitterId),
      ),
      getMany(
        deps.store.collection('households'),
        page.items.map((w) => w.householdId),
      ),
      // One call for the whole page: each is a round trip to cloud storage.
      photos.length ? deps.files.temporaryUrls(photos) : Promise.resolve([]),
    ]);
    let at = 0;
    const items = page.items.map((w) =>
      toReviewWish(w, members.get(w.submitterId) ?? null, households.get(w.householdId) ?? null, urls.slice(at, (at += w.photos.length))),
    );
    return { items, nextCursor: page.nextCursor };
  },

  async review({ id, decision, reason, summary, category }, { deps, now, openid, caller }) {
    const seen = await deps.store.collection('wishes').get(id);
    if (!seen || !mayKnowOf(caller, seen)) throw notFound();
    let action: WishAction;
    let extra: Patch<WishRecord>;
    if (decision === 'publish') {
      const published = summary ?? defaultSummary(seen.text);
      action = { kind: 'publish', summary: published, category: category ?? seen.category };
      // Refused on what was read before asking WeChat; the transaction checks again on what it reads.
      applyWishAction(wishState(seen), action, { kind: 'member', member: caller }, now);
      // The summary goes on the wall: checked whoever wrote it. 'review' publishes, since the cadre is the person it asks for.
      if ((await deps.content.check(published, openid)) === 'risky') throw new DomainError('WISH.CONTENT_RISKY');
      extra = { summary: published, category: action.category, publishedAt: now.toISOString() };
    } else {
      action = { kind: 'reject', reason: reason! };
      extra = { rejectReason: reason! };
    }
    const changed = await change(deps, now, caller, id, action, extra);
    const notice = reviewNotice(changed);
    for (const reader of await householdReaders(deps, changed)) {
      await deps.notifier.notify({ ...reader, ...notice, link: routes.myWishes, dedupeKey: `wish-review:${id}:${reader.to}` });
    }
    return { id, status: changed.status };
  },

  async withdraw({ id }, { deps, now, caller }) {
    const changed = await change(deps, now, caller, id, { kind: 'withdraw' });
    return { id, status: changed.status };
  },
} satisfies Partial<ActionsOf<typeof wishesContract>>;
