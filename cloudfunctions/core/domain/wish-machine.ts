import type { WishCategory, WishScope, WishStatus } from '../../../types';
import type { MemberRecord } from '../records';
import { DomainError } from './errors';

/**
 * The micro-wish state machine (seed 000 §一.4): review before anything is public, exactly
 * one claimer, proof of delivery, receipt, thanks. Pure: the caller passes the wish's state,
 * the action, who acts and when, and stores what comes back.
 *
 *   pending_review ──publish──▶ published ──claim──▶ claimed ──fulfil──▶ fulfilled ──confirm──▶ confirmed
 *        │  └──reject──▶ rejected      ▲  │                │ release / expire          (thank, once)
 *        └──withdraw──▶ withdrawn ◀────┘  └──widen (scope)  └──────────▶ published
 */
export type WishAction =
  | { kind: 'publish'; summary: string; category: WishCategory }
  | { kind: 'reject'; reason: string }
  | { kind: 'withdraw' }
  | { kind: 'claim'; dueAt: string }
  | { kind: 'release'; reason: string }
  | { kind: 'expire' }
  | { kind: 'fulfil'; note: string }
  | { kind: 'confirm' }
  | { kind: 'thank'; text: string }
  | { kind: 'widen'; scope: Exclude<WishScope, 'village'> };
export type WishActionKind = WishAction['kind'];

export type WishActorMember = Pick<MemberRecord, '_id' | 'role' | 'villageId' | 'townshipId' | 'countyId' | 'householdId'>;
/** A person, or the claim timer (`system`). */
export type WishActor = { kind: 'member'; member: WishActorMember } | { kind: 'system' };

/** What the rules read and change; the stored record carries more (texts, photos, history). */
export interface WishState {
  status: WishStatus;
  scope: WishScope;
  villageId: string;
  townshipId: string;
  countyId: string;
  householdId: string;
  claimerId: string | null;
  claimDueAt: string | null;
  thankedAt: string | null;
}

/** One change of state, as kept in the wish's history and shown on its page. */
export interface WishEvent {
  at: string;
  /** A member id, or 'system' for the timer. */
  by: string;
  action: WishActionKind;
  from: WishStatus;
  to: WishStatus;
  note: string | null;
}

/** Statuses in which a wish still waits for something to happen; the household's cap counts them. */
export const OPEN_WISH_STATUSES: readonly WishStatus[] = ['pending_review', 'published', 'claimed', 'fulfilled'];
export const isOpen = (s: WishStatus): boolean => OPEN_WISH_STATUSES.includes(s);

const scopeRank: Record<WishScope, number> = { village: 0, township: 1, county: 2 };

const memberOf = (actor: WishActor): WishActorMember | null => (actor.kind === 'member' ? actor.member : null);

/** The villager whose household asked. */
const isHousehold = (m: WishActorMember | null, w: WishState) => m?.role === 'villager' && m.householdId === w.householdId;
/** A cadre stationed in the wish's village: reviews, withdraws and confirms for the household. */
const isVillageCadre = (m: WishActorMember | null, w: WishState) => m?.role === 'cadre' && m.villageId === w.villageId;

/** Whether a helper or cadre is inside the area the wish is shown to (its village, or wider once widened). */
export function withinReach(
  m: Pick<WishActorMember, 'villageId' | 'townshipId' | 'countyId'>,
  w: Pick<WishState, 'scope' | 'villageId' | 'townshipId' | 'countyId'>,
): boolean {
  if (w.scope === 'county') return m.countyId === w.countyId;
  if (w.scope === 'township') return m.townshipId === w.townshipId;
  return m.villageId === w.villageId;
}
const canClaim = (m: WishActorMember | null, w: WishState) => (m?.role === 'helper' || m?.role === 'cadre') && withinReach(m, w);

const bad = (detail: string) => new DomainError('WISH.BAD_TRANSITION', detail);
const forbidden = (detail: string) => new DomainError('COMMON.FORBIDDEN', detail);

function requireStatus(w: WishState, allowed: readonly WishStatus[], action: WishActionKind): void {
  if (allowed.includes(w.status)) return;
  // A claim that lost the race is told so in words people know, not as a bad transition.
  if (action === 'claim' && (w.status === 'claimed' || w.status === 'fulfilled' || w.status === 'confirmed')) {
    throw new DomainError('WISH.ALREADY_CLAIMED');
  }
  throw bad(`${action} is not allowed on a ${w.status} wish`);
}

/**
 * Applies one action. Throws a DomainError and changes nothing when the wish's status does not
 * allow it (WISH.BAD_TRANSITION, WISH.ALREADY_CLAIMED, WISH.ALREADY_THANKED) or the actor may
 * not take it (COMMON.FORBIDDEN). Per-person limits (active claims) are the handler's, which
 * holds the counters.
 */
export function applyWishAction(w: WishState, action: WishAction, actor: WishActor, now: Date): { next: WishState; event: WishEvent } {
  const m = memberOf(actor);
  const at = now.toISOString();
  let next: WishState;
  let note: string | null = null;
  switch (action.kind) {
    case 'publish':
    case 'reject':
      if (!isVillageCadre(m, w)) throw forbidden('only a cadre of the village reviews its wishes');
      requireStatus(w, ['pending_review'], action.kind);
      next = { ...w, status: action.kind === 'publish' ? 'published' : 'rejected' };
      note = action.kind === 'reject' ? action.reason : null;
      break;
    case 'withdraw':
      if (!isHousehold(m, w) && !isVillageCadre(m, w)) throw forbidden('only the household or its cadre withdraws a wish');
      requireStatus(w, ['pending_review', 'published'], action.kind);
      next = { ...w, status: 'withdrawn' };
      break;
    case 'claim':
      if (!canClaim(m, w)) throw forbidden('only helpers and cadres within the wish’s reach claim it');
      requireStatus(w, ['published'], action.kind);
      next = { ...w, status: 'claimed', claimerId: m!._id, claimDueAt: action.dueAt };
      break;
    case 'release':
      if (!m || m._id !== w.claimerId) throw forbidden('only the claimer releases a claim');
      requireStatus(w, ['claimed'], action.kind);
      next = { ...w, status: 'published', claimerId: null, claimDueAt: null };
      note = action.reason;
      break;
    case 'expire':
      if (actor.kind !== 'system') throw forbidden('only the claim timer lets a claim expire');
      requireStatus(w, ['claimed'], action.kind);
      if (w.claimDueAt === null || w.claimDueAt > at) throw bad('the claim is not due yet');
      next = { ...w, status: 'published', claimerId: null, claimDueAt: null };
      break;
    case 'fulfil':
      if (!m || m._id !== w.claimerId) throw forbidden('only the claimer reports a delivery');
      requireStatus(w, ['claimed'], action.kind);
      next = { ...w, status: 'fulfilled', claimDueAt: null };
      note = action.note;
      break;
    case 'confirm':
      if (!isHousehold(m, w) && !isVillageCadre(m, w)) throw forbidden('only the household or its cadre confirms receipt');
      // Nobody confirms a delivery they made themselves.
      if (m!._id === w.claimerId) throw forbidden('the claimer cannot confirm their own delivery');
      requireStatus(w, ['fulfilled'], action.kind);
      next = { ...w, status: 'confirmed' };
      break;
    case 'thank':
      if (!isHousehold(m, w)) throw forbidden('only the household thanks the helper');
      requireStatus(w, ['confirmed'], action.kind);
      if (w.thankedAt !== null) throw new DomainError('WISH.ALREADY_THANKED');
      next = { ...w, thankedAt: at };
      note = action.text;
      break;
    case 'widen':
      if (!isVillageCadre(m, w)) throw forbidden('only a cadre of the village widens its wishes');
      requireStatus(w, ['published'], action.kind);
      if (scopeRank[action.scope] <= scopeRank[w.scope]) throw bad(`a ${w.scope} wish cannot be widened to ${action.scope}`);
      next = { ...w, scope: action.scope };
      note = action.scope;
      break;
  }
  return { next, event: { at, by: m?._id ?? 'system', action: action.kind, from: w.status, to: next.status, note } };
}
