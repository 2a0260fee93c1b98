import { roleLabels, type wishesContract, wishRules } from '../../types';
import { counterId, lowerCounter, openWishesKey } from '../core/counters';
import { DomainError } from '../core/domain/errors';
import { addDays, chinaDate } from '../core/domain/time';
import type { WishActor } from '../core/domain/wish-machine';
import type { ActionsOf, ActionContext } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import type { Transaction } from '../core/ports/store';
import type { MemberRecord } from '../core/records';
import { activeClaimsKey, changeWish, householdVillagers, tell, titleOf, villageCadres, type WishChange } from './change-wish';
import { toCards, viewerOf } from './wall-view';

export { checkClaims } from './claims-timer';

/** Thrown out of the transaction to count a member's claims (queries cannot run inside one). */
class CounterMissing extends Error {}

const me = (caller: MemberRecord): WishActor => ({ kind: 'member', member: caller });
const seenBy = (caller: MemberRecord) => ({ visible: (w: Parameters<typeof viewerOf>[1]) => viewerOf(caller, w) !== null });

/** Checks text others will read; only 'risky' is refused (a delivery note or a thank-you has no cadre review to hold it for). */
async function checked(deps: Deps, text: string, openid: string): Promise<void> {
  const verdict = await deps.content.check(text, openid);
  if (verdict === 'risky') throw new DomainError('WISH.CONTENT_RISKY');
  if (verdict === 'review') deps.log.warn('content check asked for review of a text shown to few people', { text: text.length });
}

/**
 * Claims a wish for the caller: the wish and the caller's claim counter change in one
 * transaction, so of many concurrent claimers exactly one wins (the others see it claimed),
 * and one person's concurrent claims of different wishes conflict on their counter and
 * cannot pass the cap together.
 */
async function claim(id: string, { deps, now, caller }: ActionContext<true>) {
  const dueAt = addDays(now, wishRules.claimDays).toISOString();
  const counter = counterId(activeClaimsKey(caller._id));
  let initial: number | null = null;
  const raise = async (tx: Transaction) => {
    const found = await tx.get('counters', counter);
    if (!found && initial === null) throw new CounterMissing();
    const active = found ? found.count : initial!;
    if (active >= wishRules.maxActiveClaims) throw new DomainError('WISH.CLAIM_LIMIT');
    const raised = { count: active + 1, updatedAt: now.toISOString() };
    if (found) await tx.update('counters', counter, raised);
    else await tx.add('counters', { _id: counter, ...raised });
  };
  for (;;) {
    try {
      return await changeWish(deps, id, { kind: 'claim', dueAt }, me(caller), now, {
        ...seenBy(caller),
        inTx: raise,
        patch: () => ({ claimedAt: now.toISOString(), claimRemindedAt: null }),
      });
    } catch (e) {
      if (!(e instanceof CounterMissing)) throw e;
      initial = await deps.store.collection('wishes').count({ claimerId: caller._id, status: 'claimed' });
    }
  }
}

const lowerClaims = (memberId: string, now: Date) => (tx: Transaction) => lowerCounter(tx, activeClaimsKey(memberId), now);

async function announceClaim(deps: Deps, change: WishChange, caller: MemberRecord) {
  const w = change.after;
  const [family, cadres] = await Promise.all([householdVillagers(deps, w.householdId), villageCadres(deps, w.villageId)]);
  const due = chinaDate(new Date(w.claimDueAt!));
  await tell(deps, family, change, {
    title: '心愿有人认领了',
    body: `您的心愿${titleOf(w)}已由${roleLabels[caller.role]}${caller.name}认领，预计 ${due} 前送达。`,
  });
  await tell(deps, cadres, change, {
    title: '心愿有人认领了',
    body: `${titleOf(w)}已由${roleLabels[caller.role]}${caller.name}认领，应在 ${due} 前送达。`,
  });
}

/** Claiming, delivering and closing a wish: the helper's and the household's side of the loop. */
export const claimActions = {
  async claim({ id }, ctx) {
    const change = await claim(id, ctx);
    await announceClaim(ctx.deps, change, ctx.caller);
    return { id, status: change.after.status, claimDueAt: change.after.claimDueAt! };
  },

  async myClaims(input, { deps, now, caller }) {
    const where = { claimerId: caller._id, status: 'claimed' } as const;
    const page = await keysetPage(deps.store.collection('wishes'), where, { field: 'claimDueAt', direction: 'asc' }, input);
    const cards = await toCards(deps, page.items, now);
    return { items: cards.map((c, i) => ({ ...c, claimDueAt: page.items[i].claimDueAt })), nextCursor: page.nextCursor };
  },

  async release({ id, reason }, { deps, now, caller }) {
    const change = await changeWish(deps, id, { kind: 'release', reason }, me(caller), now, {
      ...seenBy(caller),
      inTx: lowerClaims(caller._id, now),
      patch: () => ({ claimedAt: null, claimRemindedAt: null }),
    });
    await tell(deps, await villageCadres(deps, change.after.villageId), change, {
      title: '认领已放弃',
      body: `${titleOf(change.after)}的认领人放弃了认领（${reason}），心愿已回到心愿墙。`,
    });
    return { id, status: change.after.status };
  },

  async fulfil({ id, note, photos = [] }, { deps, now, openid, caller }) {
    await checked(deps, note, openid);
    if (photos.length && (await deps.files.exists(photos)).some((ok) => !ok)) {
      throw new DomainError('COMMON.INVALID_INPUT', 'a delivery photo is not in the file store');
    }
    const change = await changeWish(deps, id, { kind: 'fulfil', note }, me(caller), now, {
      ...seenBy(caller),
      inTx: lowerClaims(caller._id, now),
      patch: () => ({ delivery: { note, photos, at: now.toISOString() } }),
    });
    await tell(deps, await householdVillagers(deps, change.after.householdId), change, {
      title: '心愿已送达',
      body: `您的心愿${titleOf(change.after)}已送达。收到后请在“我的心愿”里点“确认收到”。`,
    });
    return { id, status: change.after.status };
  },

  async confirm({ id }, { deps, now, caller }) {
    const change = await changeWish(deps, id, { kind: 'confirm' }, me(caller), now, {
      ...seenBy(caller),
      // A confirmed wish is no longer open: it frees its place under the household's cap.
      inTx: (tx, w) => lowerCounter(tx, openWishesKey(w.householdId), now),
    });
    const claimer = change.after.claimerId ? await deps.store.collection('members').get(change.after.claimerId) : null;
    if (claimer) {
      await tell(deps, [claimer], change, {
        title: '对方已确认收到',
        body: `您送达的心愿${titleOf(change.after)}，对方已确认收到。谢谢您！`,
      });
    }
    return { id, status: change.after.status };
  },

  async thank({ id, text }, { deps, now, openid, caller }) {
    await checked(deps, text, openid);
    const change = await changeWish(deps, id, { kind: 'thank', text }, me(caller), now, {
      ...seenBy(caller),
      patch: () => ({ thanks: { text, at: now.toISOString() } }),
    });
    const claimer = change.after.claimerId ? await deps.store.collection('members').get(change.after.claimerId) : null;
    if (claimer) {
      await tell(deps, [claimer], change, { title: '收到一份感谢', body: `${titleOf(change.after)}：${text}` });
    }
    return { id, status: change.after.status };
  },
} satisfies Partial<ActionsOf<typeof wishesContract>>;
