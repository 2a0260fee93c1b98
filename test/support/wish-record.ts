import type { WishRecord } from '../../cloudfunctions/core/records';

/** A stored wish for tests: a pending wish of household h-a1 in village 杏花村 (the test world's) unless `over` says otherwise. */
export function wishRecord(over: Partial<WishRecord> & Pick<WishRecord, '_id'>): WishRecord {
  const at = over.createdAt ?? '2026-11-24T02:00:00.000Z';
  return {
    villageId: 'v-xinghua',
    townshipId: 't-shiqiao',
    countyId: 'c-qinghe',
    householdId: 'h-a1',
    submitterId: 'm-va',
    channel: null,
    category: 'daily',
    text: '冬天需要一床厚棉被',
    summary: null,
    value: null,
    photos: [],
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
    history: [],
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
