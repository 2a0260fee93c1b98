import { roleLabels, wishScopeLabels, type WishDetail, type WishScope } from '../../types';
import { maskName } from '../core/domain/mask';
import { applyWishAction, type WishAction, type WishActor } from '../core/domain/wish-machine';
import type { Deps } from '../core/handler/deps';
import { getMany } from '../core/ports/store';
import type { MemberRecord, WishHistoryEntry, WishRecord } from '../core/records';
import { wishState } from '../core/domain/wish';
import { isInvolved, photoLinks, toCards, type Viewer } from './wall-view';

type Can = WishDetail['can'][number];

/** One trial action per button; the words inside do not matter, only whether the rules allow it. */
const trials: [Can, WishAction[]][] = [
  ['withdraw', [{ kind: 'withdraw' }]],
  ['review', [{ kind: 'publish', summary: '-', category: 'other' }]],
  ['claim', [{ kind: 'claim', dueAt: '9999-12-31T00:00:00.000Z' }]],
  ['release', [{ kind: 'release', reason: '-' }]],
  ['fulfil', [{ kind: 'fulfil', note: '-' }]],
  ['confirm', [{ kind: 'confirm' }]],
  ['thank', [{ kind: 'thank', text: '-' }]],
  [
    'widen',
    [
      { kind: 'widen', scope: 'township' },
      { kind: 'widen', scope: 'county' },
    ],
  ],
];

/** The actions the caller may take now: each tried on the pure state machine, which changes nothing. */
export function allowedActions(w: WishRecord, caller: MemberRecord, now: Date): Can[] {
  const state = wishState(w);
  const actor: WishActor = { kind: 'member', member: caller };
  const allowed = (a: WishAction) => {
    try {
      applyWishAction(state, a, actor, now);
      return true;
    } catch {
      return false;
    }
  };
  return trials.filter(([, actions]) => actions.some(allowed)).map(([can]) => can);
}

const GONE = '（已移出花名册）';

/** A person as someone else reads them: role and name; villagers' names masked, public servants' in full. */
export function personLabel(m: MemberRecord | undefined, fullNames: boolean): string {
  if (!m) return GONE;
  const name = m.role === 'villager' && !fullNames ? maskName(m.name) : m.name;
  return `${roleLabels[m.role]} ${name}`;
}

/**
 * History as the caller may read it. People outside the wish (helpers in reach, offices) see who
 * did what and when, but not the notes: reasons and delivery notes may speak of the household.
 */
function historyView(h: WishHistoryEntry[], people: Map<string, MemberRecord>, involved: boolean, household: boolean) {
  return h.map((e) => ({
    at: e.at,
    by: e.by === 'system' ? '系统' : personLabel(people.get(e.by), household),
    action: e.action,
    from: e.from,
    to: e.to,
    note: e.action === 'widen' ? (wishScopeLabels[e.note as WishScope] ?? e.note) : involved ? e.note : null,
  }));
}

/**
 * The wish's own page for this caller. The villager's own words go to the household and the
 * village's cadres only; the claimer's name in full to those involved (the household wants to
 * know who is coming), masked to others; delivery proof and thanks to those involved.
 */
export async function toDetail(deps: Deps, w: WishRecord, caller: MemberRecord, viewer: Viewer, now: Date): Promise<WishDetail> {
  const involved = isInvolved(viewer);
  const ownWords = viewer === 'household' || viewer === 'villageCadre';
  const delivery = involved ? w.delivery : null;
  const ids = [...w.history.map((e) => e.by), ...(w.claimerId ? [w.claimerId] : [])].filter((id) => id !== 'system');
  const [[card], people, [deliveryUrls]] = await Promise.all([
    toCards(deps, [w], now),
    getMany(deps.store.collection('members'), ids),
    photoLinks(deps, [delivery?.photos ?? []]),
  ]);
  const claimer = w.claimerId ? people.get(w.claimerId) : undefined;
  return {
    ...card,
    publishedAt: w.publishedAt,
    text: ownWords ? w.text : null,
    claim: w.claimerId
      ? {
          claimerName: claimer ? (involved ? claimer.name : maskName(claimer.name)) : GONE,
          dueAt: w.claimDueAt,
          mine: w.claimerId === caller._id,
        }
      : null,
    delivery: delivery ? { note: delivery.note, photoUrls: deliveryUrls } : null,
    thanks: involved ? (w.thanks?.text ?? null) : null,
    rejectReason: ownWords ? w.rejectReason : null,
    history: historyView(w.history, people, involved, viewer === 'household' || viewer === 'villageCadre'),
    can: allowedActions(w, caller, now),
  };
}
