import { MAX_OPEN_WISHES, type OwnWish, type ReviewWish, type WishCategory } from '../../../types';
import type { HouseholdRecord, MemberRecord, WishRecord } from '../records';
import { DomainError } from './errors';

export { OPEN_WISH_STATUSES } from './wish-machine';

export function submitWish(args: {
  id: string;
  submitter: MemberRecord;
  category: WishCategory;
  text: string;
  openWishes: number;
  now: Date;
}): WishRecord {
  const { id, submitter, category, text, openWishes, now } = args;
  if (submitter.role !== 'villager' || !submitter.villageId || !submitter.householdId) {
    throw new DomainError('COMMON.FORBIDDEN', 'only a villager of a roster household submits wishes');
  }
  if (openWishes >= MAX_OPEN_WISHES) throw new DomainError('WISH.TOO_MANY_OPEN');
  const at = now.toISOString();
  return {
    _id: id,
    villageId: submitter.villageId,
    householdId: submitter.householdId,
    submitterId: submitter._id,
    category,
    text,
    status: 'pending_review',
    createdAt: at,
    updatedAt: at,
  };
}

export const toOwnWish = (w: WishRecord): OwnWish => ({
  id: w._id,
  category: w.category,
  text: w.text,
  status: w.status,
  createdAt: w.createdAt,
});

export const toReviewWish = (
  w: WishRecord,
  submitter: Pick<MemberRecord, 'name'> | null,
  household: Pick<HouseholdRecord, 'address'> | null,
): ReviewWish => ({
  ...toOwnWish(w),
  submitterName: submitter?.name ?? '（已移出花名册）',
  householdLabel: household?.address ?? '',
});
