import { wishRules, type Cursor } from '../../types';
import { mapLimit } from '../core/concurrency';
import { lowerCounter } from '../core/counters';
import { isDomainError } from '../core/domain/errors';
import { addDays, chinaDate } from '../core/domain/time';
import type { TimerImpl } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import type { WishRecord } from '../core/records';
import { activeClaimsKey, changeWish, pageOf, tell, titleOf, villageCadres } from './change-wish';

/** Wishes handled at once; each is a few round trips on CloudBase. */
const IN_FLIGHT = 8;

/** A claim past its due date goes back to the wall; the claimer and the village's cadres are told. */
async function expire(deps: Deps, w: WishRecord, now: Date): Promise<boolean> {
  const claimerId = w.claimerId!;
  try {
    const change = await changeWish(deps, w._id, { kind: 'expire' }, { kind: 'system' }, now, {
      inTx: (tx) => lowerCounter(tx, activeClaimsKey(claimerId), now),
      patch: () => ({ claimedAt: null, claimRemindedAt: null }),
    });
    const [claimer, cadres] = await Promise.all([deps.store.collection('members').get(claimerId), villageCadres(deps, w.villageId)]);
    const title = titleOf(change.after);
    if (claimer) {
      await tell(deps, [claimer], change, {
        title: '认领已到期',
        body: `您认领的心愿${title}已过送达期限，已回到心愿墙。如仍想帮忙，可以再次认领。`,
      });
    }
    await tell(deps, cadres, change, { title: '认领已到期', body: `${title}的认领已过期限未送达，心愿已回到心愿墙。` });
    return true;
  } catch (e) {
    // Released, delivered or expired by someone else since the page was read: nothing left to do.
    if (isDomainError(e)) return false;
    throw e;
  }
}

/** Reminds the claimer once, a few days before the claim falls due. */
async function remind(deps: Deps, w: WishRecord, now: Date): Promise<boolean> {
  const claimer = await deps.store.collection('members').get(w.claimerId!);
  if (!claimer) return false;
  const sent = await deps.notifier.notify({
    to: claimer._id,
    openid: claimer.openid,
    title: '认领的心愿快到期了',
    link: pageOf(w._id),
    body: `您认领的心愿${titleOf(w)}请在 ${chinaDate(new Date(w.claimDueAt!))} 前送达；送不了可以放弃认领，让别人来帮忙。`,
    // One reminder per claim: a later claim of the same wish by the same person is reminded again.
    dedupeKey: `claim-due:${w._id}:${w.claimerId}:${w.claimedAt}`,
  });
  // Only if the claim is still this one: a release or delivery in between wins.
  await deps.store
    .collection('wishes')
    .updateIf(w._id, { status: 'claimed', claimerId: w.claimerId, claimRemindedAt: null }, { claimRemindedAt: now.toISOString() });
  return sent;
}

/**
 * The claim check, run by the daily timer. Claims are read in keyset pages in order of their due date (index
 * status_due), soonest first, and the read stops at the first claim due beyond the reminder
 * window, so the cost follows the claims that need something, not all claims in the county.
 * Running it again does nothing new: expired claims are no longer claimed, reminded ones carry
 * claimRemindedAt, and every notification has a dedupe key.
 */
export const checkClaims: TimerImpl = async ({ deps, now }) => {
  const horizon = addDays(now, wishRules.remindDaysBeforeDue).toISOString();
  const at = now.toISOString();
  let expired = 0;
  let reminded = 0;
  const wishes = deps.store.collection('wishes');
  for (let cursor: Cursor | undefined; ;) {
    const page = await keysetPage(wishes, { status: 'claimed' }, { field: 'claimDueAt', direction: 'asc' }, { cursor });
    const due = page.items.filter((w) => w.claimDueAt !== null && w.claimDueAt <= horizon);
    const done = await mapLimit(due, IN_FLIGHT, async (w) => {
      if (w.claimDueAt! <= at) return (await expire(deps, w, now)) ? 'expired' : null;
      if (w.claimRemindedAt === null) return (await remind(deps, w, now)) ? 'reminded' : null;
      return null;
    });
    expired += done.filter((d) => d === 'expired').length;
    reminded += done.filter((d) => d === 'reminded').length;
    const beyond = page.items.some((w) => w.claimDueAt !== null && w.claimDueAt > horizon);
    if (!page.nextCursor || beyond) break;
    cursor = JSON.parse(page.nextCursor) as Cursor;
  }
  return { expired, reminded };
};
