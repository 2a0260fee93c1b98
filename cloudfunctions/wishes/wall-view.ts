import type { WallWish, WishStatus } from '../../types';
import { maskName } from '../core/domain/mask';
import { covers } from '../core/domain/scope';
import { chinaDate } from '../core/domain/time';
import { withinReach } from '../core/domain/wish-machine';
import type { Deps } from '../core/handler/deps';
import { getMany } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';

/** Statuses a wish has once a cadre put it on the wall: helpers in reach may open it from then on. */
const WENT_PUBLIC: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'confirmed'];

/**
 * How the caller stands to a wish, which decides what they see of it:
 * - `household`: a villager of the household; `villageCadre`: a cadre of its village; `claimer`:
 *   who claimed it (also after delivery). These three are involved and see names, notes and proof.
 * - `reach`: a helper or cadre the wish is shown to (its village, or wider once widened), and
 *   `office`: an office whose area holds it; both only once it went public, and see the card.
 * - null: nobody else learns that it exists (WISH.NOT_FOUND).
 */
export type Viewer = 'household' | 'villageCadre' | 'claimer' | 'reach' | 'office';

export function viewerOf(caller: MemberRecord | null, w: WishRecord): Viewer | null {
  if (!caller) return null;
  if (caller.role === 'villager') return caller.householdId === w.householdId ? 'household' : null;
  if (caller.role === 'cadre' && caller.villageId === w.villageId) return 'villageCadre';
  if (w.claimerId === caller._id) return 'claimer';
  if (!WENT_PUBLIC.includes(w.status)) return null;
  if (caller.role === 'office') return covers(caller, w) ? 'office' : null;
  return withinReach(caller, w) ? 'reach' : null;
}

export const isInvolved = (v: Viewer): boolean => v === 'household' || v === 'villageCadre' || v === 'claimer';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole China calendar days from `publishedAt` to `now`: published yesterday evening is 1 day this morning. */
export const daysWaiting = (publishedAt: string | null, now: Date): number =>
  publishedAt === null ? 0 : Math.max(0, Math.round((Date.parse(chinaDate(now)) - Date.parse(chinaDate(new Date(publishedAt)))) / DAY_MS));

/**
 * Short-lived links for several lists of photo ids in one call to the file store (one round trip
 * per page on CloudBase), handed back list by list.
 */
export async function photoLinks(deps: Deps, lists: readonly (readonly string[])[]): Promise<string[][]> {
  const all = lists.flat();
  const urls = all.length ? await deps.files.temporaryUrls(all) : [];
  let at = 0;
  return lists.map((list) => {
    const mine = urls.slice(at, at + list.length);
    at += list.length;
    // A photo the store no longer has comes back as ''; the card leaves it out.
    return mine.filter((u) => u !== '');
  });
}

/**
 * Wall cards for a page of wishes: the household is shown by its head's masked name (a wish a
 * cadre wrote down has a cadre as submitter, so the household, not the submitter, names it), the
 * village by name. Households and villages are read in one batch each, photo links in one call.
 */
export async function toCards(deps: Deps, wishes: readonly WishRecord[], now: Date, withPhotos = true): Promise<WallWish[]> {
  const [households, villages, photos] = await Promise.all([
    getMany(
      deps.store.collection('households'),
      wishes.map((w) => w.householdId),
    ),
    getMany(
      deps.store.collection('villages'),
      wishes.map((w) => w.villageId),
    ),
    photoLinks(
      deps,
      wishes.map((w) => (withPhotos ? w.photos : [])),
    ),
  ]);
  return wishes.map((w, i) => ({
    id: w._id,
    status: w.status,
    maskedName: maskName(households.get(w.householdId)?.headName ?? ''),
    villageName: villages.get(w.villageId)?.name ?? '',
    category: w.category,
    summary: w.summary ?? '',
    value: w.value,
    scope: w.scope,
    publishedAt: w.publishedAt ?? w.createdAt,
    daysWaiting: daysWaiting(w.publishedAt, now),
    photoUrls: photos[i],
  }));
}
