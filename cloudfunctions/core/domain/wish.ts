import { MAX_OPEN_WISHES, type OwnWish, type ReviewWish, type WishCategory, type WishChannel } from '../../../types';
import type { HouseholdRecord, MemberRecord, WishRecord } from '../records';
import { DomainError } from './errors';
import type { WishState } from './wish-machine';

export { OPEN_WISH_STATUSES } from './wish-machine';

/** What every new wish says, whoever wrote it down. */
interface WishDraft {
  id: string;
  category: WishCategory;
  text: string;
  value?: number | null;
  photos?: readonly string[];
  openWishes: number;
  now: Date;
}

function newWish(
  draft: WishDraft,
  where: Pick<WishRecord, 'villageId' | 'townshipId' | 'countyId' | 'householdId'>,
  submitterId: string,
  channel: WishChannel | null,
): WishRecord {
  if (draft.openWishes >= MAX_OPEN_WISHES) throw new DomainError('WISH.TOO_MANY_OPEN');
  const at = draft.now.toISOString();
  return {
    _id: draft.id,
    ...where,
    submitterId,
    channel,
    category: draft.category,
    text: draft.text,
    summary: null,
    value: draft.value ?? null,
    photos: [...(draft.photos ?? [])],
    status: 'pending_review',
    scope: 'village',
    rejectReason: null,
    publishedAt: null,
    claimerId: null,
    claimedAt: null,
    claimDueAt: null,
    claimRemindedAt: null,
    delivery: null,
    thanks: null,
    history: [{ at, by: submitterId, action: 'submit', from: null, to: 'pending_review', note: null }],
    createdAt: at,
    updatedAt: at,
  };
}

/** A villager's own wish for their household. */
export function submitWish(args: WishDraft & { submitter: MemberRecord }): WishRecord {
  const { submitter } = args;
  if (submitter.role !== 'villager' || !submitter.villageId || !submitter.householdId) {
    throw new DomainError('COMMON.FORBIDDEN', 'only a villager of a roster household submits wishes');
  }
  const where = {
    villageId: submitter.villageId,
    townshipId: submitter.townshipId ?? '',
    countyId: submitter.countyId,
    householdId: submitter.householdId,
  };
  return newWish(args, where, submitter._id, null);
}

/**
 * A wish a cadre collected for a household of their own village (seed: 入户走访、电话、心愿箱).
 * A household elsewhere is "not found", so a cadre cannot probe other villages' rosters.
 */
export function submitWishFor(
  args: WishDraft & { cadre: MemberRecord; household: Pick<HouseholdRecord, '_id' | 'villageId'> | null; channel: WishChannel },
): WishRecord {
  const { cadre, household } = args;
  if (cadre.role !== 'cadre' || !cadre.villageId) throw new DomainError('COMMON.FORBIDDEN', 'only a village cadre submits for a household');
  if (!household || household.villageId !== cadre.villageId) throw new DomainError('HOUSEHOLD.NOT_FOUND');
  const where = {
    villageId: household.villageId,
    townshipId: cadre.townshipId ?? '',
    countyId: cadre.countyId,
    householdId: household._id,
  };
  return newWish(args, where, cadre._id, args.channel);
}

/** The state machine's view of a stored wish. */
export const wishState = (w: WishRecord): WishState => ({
  status: w.status,
  scope: w.scope,
  villageId: w.villageId,
  townshipId: w.townshipId,
  countyId: w.countyId,
  householdId: w.householdId,
  claimerId: w.claimerId,
  claimDueAt: w.claimDueAt,
  thankedAt: w.thanks?.at ?? null,
});

/**
 * Whether a person may learn that the wish exists before it is public: the household's own
 * villagers and the cadres of its village. Anyone else is told "not found", never "forbidden".
 */
export const mayKnowOf = (m: Pick<MemberRecord, 'role' | 'villageId' | 'householdId'>, w: Pick<WishRecord, 'villageId' | 'householdId'>) =>
  (m.role === 'villager' && m.householdId === w.householdId) || (m.role === 'cadre' && m.villageId === w.villageId);

const SUMMARY_MAX = 100;
/** A summary cut shorter than this at a sentence end loses too much: cut at a character instead. */
const SUMMARY_MIN_SENTENCE = 20;
const SENTENCE_END = /[。！？；!?;…]/u;

/**
 * The public summary when the reviewing cadre writes none: the villager's words, cut to 100
 * characters (code points, so no emoji or rare character 𠮷 is split) after the last sentence
 * that fits, or with an ellipsis when no sentence ends early enough.
 */
export function defaultSummary(text: string): string {
  const chars = Array.from(text.trim());
  if (chars.length <= SUMMARY_MAX) return chars.join('');
  for (let end = SUMMARY_MAX; end >= SUMMARY_MIN_SENTENCE; end--) {
    if (SENTENCE_END.test(chars[end - 1])) return chars.slice(0, end).join('');
  }
  return `${chars.slice(0, SUMMARY_MAX - 1).join('')}…`;
}

export const toOwnWish = (w: WishRecord): OwnWish => ({
  id: w._id,
  category: w.category,
  text: w.text,
  status: w.status,
  createdAt: w.createdAt,
  value: w.value ?? null,
  rejectReason: w.rejectReason ?? null,
  claimDueAt: w.claimDueAt ?? null,
  thanked: Boolean(w.thanks),
});

export const toReviewWish = (
  w: WishRecord,
  submitter: Pick<MemberRecord, 'name'> | null,
  household: Pick<HouseholdRecord, 'address'> | null,
  photoUrls: string[] = [],
): ReviewWish => ({
  ...toOwnWish(w),
  submitterName: submitter?.name ?? '（已移出花名册）',
  householdLabel: household?.address ?? '',
  channel: w.channel ?? null,
  photoUrls,
});

const clip = (s: string, n: number) => {
  const chars = Array.from(s);
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
};

/** What the household reads in its inbox once a cadre reviewed its wish; a rejection says why. */
export function reviewNotice(w: Pick<WishRecord, 'text' | 'summary' | 'status' | 'rejectReason'>): { title: string; body: string } {
  const quoted = `“${clip(w.summary ?? w.text, 20)}”`;
  if (w.status === 'published') {
    return { title: '心愿已上墙', body: `您的心愿${quoted}已通过审核，上了心愿墙，等待帮扶人认领。` };
  }
  return {
    title: '心愿未通过审核',
    body: `您的心愿${quoted}没有通过审核。原因：${(w.rejectReason ?? '').replace(/[。.！!]+$/u, '')}。可以修改后重新提交。`,
  };
}
