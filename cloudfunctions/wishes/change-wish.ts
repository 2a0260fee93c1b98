import { DomainError } from '../core/domain/errors';
import { applyWishAction, type WishAction, type WishActor, type WishEvent, type WishState } from '../core/domain/wish-machine';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import { isStoreError, type Patch, type Transaction } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';
import { routes, wishLink } from '../../types/routes';
import { wishState } from '../core/domain/wish';

/** One counter per person of the claims they hold (status claimed), capped by wishRules.maxActiveClaims. */
export const activeClaimsKey = (memberId: string): string => `active-claims:${memberId}`;

export interface WishChange {
  before: WishRecord;
  after: WishRecord;
  event: WishEvent;
}

export interface ChangeOptions {
  /** Whether the caller may know the wish exists; otherwise WISH.NOT_FOUND, as if it did not. */
  visible?: (w: WishRecord) => boolean;
  /** Fields the action sets beside those the state machine changes (delivery, thanks…). */
  patch?: (w: WishRecord, next: WishState) => Patch<WishRecord>;
  /** Counters that move with this change, read and written in the same transaction. */
  inTx?: (tx: Transaction, w: WishRecord, next: WishState) => Promise<void>;
}

/** Rounds of a whole transaction (each retried by the store) before a change gives up with COMMON.BUSY. */
const ROUNDS = 3;

/**
 * Applies one action of the state machine to a stored wish in a transaction: read it, let the
 * rules decide, write the new state with its history entry. CloudBase's transactions conflict on
 * a document two of them write, so of many concurrent claims exactly one commits; the others run
 * again, see the claimed wish and are told WISH.ALREADY_CLAIMED. When the store gives up on
 * conflicts, the wish is read afresh: if the rules now refuse, the caller gets that answer (a
 * lost race is not "busy"); if not, the change is tried again.
 */
export async function changeWish(
  deps: Deps,
  id: string,
  action: WishAction,
  actor: WishActor,
  now: Date,
  options: ChangeOptions = {},
): Promise<WishChange> {
  for (let round = 1; ; round++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const before = await tx.get('wishes', id);
        if (!before || (options.visible && !options.visible(before))) throw new DomainError('WISH.NOT_FOUND');
        const { next, event } = applyWishAction(wishState(before), action, actor, now);
        await options.inTx?.(tx, before, next);
        const patch: Patch<WishRecord> = {
          status: next.status,
          scope: next.scope,
          claimerId: next.claimerId,
          claimDueAt: next.claimDueAt,
          history: [...before.history, event],
          updatedAt: now.toISOString(),
          ...options.patch?.(before, next),
        };
        await tx.update('wishes', id, patch);
        return { before, after: { ...before, ...patch }, event };
      });
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT') || round >= ROUNDS) throw e;
      const fresh = await deps.store.collection('wishes').get(id);
      if (!fresh || (options.visible && !options.visible(fresh))) throw new DomainError('WISH.NOT_FOUND');
      applyWishAction(wishState(fresh), action, actor, now);
    }
  }
}

/** The villagers of a household who have bound WeChat: they read the inbox. */
export async function householdVillagers(deps: Deps, householdId: string): Promise<MemberRecord[]> {
  const members = await findAll(deps.store.collection('members'), { householdId, role: 'villager' });
  return members.filter((m) => m.openid !== null);
}

export const villageCadres = (deps: Deps, villageId: string): Promise<MemberRecord[]> =>
  findAll(deps.store.collection('members'), { role: 'cadre', villageId });

/** Where a notification about a wish leads: the wish's own page, which shows each reader what they may see and do. */
export const pageOf = (wishId: string): string => wishLink(routes.wish, wishId);

/**
 * Tells each recipient once about one event of a wish: the key names the wish, the event's
 * instant and the recipient, so a retried request or timer stores nothing twice.
 */
export async function tell(
  deps: Deps,
  to: readonly Pick<MemberRecord, '_id' | 'openid'>[],
  change: WishChange,
  message: { title: string; body: string },
): Promise<number> {
  const sent = await Promise.all(
    to.map((m) =>
      deps.notifier.notify({
        ...message,
        link: pageOf(change.after._id),
        to: m._id,
        openid: m.openid,
        dedupeKey: `wish:${change.after._id}:${change.event.action}:${change.event.at}:${m._id}`,
      }),
    ),
  );
  return sent.filter(Boolean).length;
}

/** How a wish is named in a notification: its public summary, short (never the villager's own words). */
export const titleOf = (w: WishRecord): string => {
  const s = w.summary ?? '微心愿';
  return `「${Array.from(s).length > 20 ? `${Array.from(s).slice(0, 20).join('')}…` : s}」`;
};
