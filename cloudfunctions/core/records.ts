import type { HouseholdCategory, Role, ScopeLevel, WishCategory, WishChannel, WishScope, WishStatus } from '../../types';
import type { WishActionKind } from './domain/wish-machine';

/** Shapes of stored documents. Instants are ISO-8601 strings so both engines sort them alike. */

export interface CountyRecord {
  _id: string;
  name: string;
}
export interface TownshipRecord {
  _id: string;
  name: string;
  countyId: string;
}
export interface VillageRecord {
  _id: string;
  name: string;
  townshipId: string;
  countyId: string;
}

export interface HouseholdRecord {
  _id: string;
  villageId: string;
  /** 门牌, e.g. "三组 12 号". */
  address: string;
  headName: string;
  category: HouseholdCategory;
  /** 不在村: the family lives away, visits are by phone. */
  livesAway: boolean;
  size: number;
  phone: string;
}

export interface MemberRecord {
  _id: string;
  role: Role;
  name: string;
  phone: string;
  scopeLevel: ScopeLevel;
  /** The village, township or county the member acts in. */
  scopeId: string;
  villageId: string | null;
  townshipId: string | null;
  countyId: string;
  householdId: string | null;
  /** Sending unit (派出单位) for cadres and helpers. */
  unit: string | null;
  title: string | null;
  /** Helpers only, at most five (003 第五条). */
  pairedHouseholdIds: string[];
  openid: string | null;
}

/** Binds one WeChat identity to one roster entry; the openid is the id, so a second bind is a duplicate. */
export interface UserRecord {
  _id: string;
  memberId: string;
  boundAt: string;
}

export interface InviteRecord {
  _id: string;
  memberId: string;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

/**
 * What a creating request made, stored under a hash of the caller and the request id the
 * client sent, in the same transaction: a retry of the request answers this instead of
 * making another. (A wish needs none: its own id is that hash. An invite's id is its code,
 * which must stay random.)
 */
export interface RequestRecord {
  _id: string;
  kind: 'invite';
  resultId: string;
  createdAt: string;
}

/** One change of a wish's state, kept on the wish (who, when, from, to, note). */
export interface WishHistoryEntry {
  at: string;
  /** A member id, or 'system' for the claim timer. */
  by: string;
  action: 'submit' | WishActionKind;
  from: WishStatus | null;
  to: WishStatus;
  note: string | null;
}

export interface WishRecord {
  _id: string;
  villageId: string;
  townshipId: string;
  countyId: string;
  householdId: string;
  /** Who wrote it down: the villager, or a cadre for the household (then `channel` says how). */
  submitterId: string;
  channel: WishChannel | null;
  category: WishCategory;
  /** The villager's own words: shown to the household and the village's cadres only. */
  text: string;
  /** The public summary the reviewing cadre published; what the wall shows. */
  summary: string | null;
  value: number | null;
  /** Photo ids (cloud:// or local://); on the wall only once published. */
  photos: string[];
  status: WishStatus;
  scope: WishScope;
  rejectReason: string | null;
  publishedAt: string | null;
  claimerId: string | null;
  claimedAt: string | null;
  claimDueAt: string | null;
  /** When the claimer was last reminded that the claim falls due, so a reminder goes once. */
  claimRemindedAt: string | null;
  delivery: { note: string; photos: string[]; at: string } | null;
  thanks: { text: string; at: string } | null;
  history: WishHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface InboxRecord {
  /** A fixed-length hash of `dedupeKey`, so that the same notification is stored once. */
  _id: string;
  dedupeKey: string;
  to: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * A count that a rule caps, kept in one document so that a transaction that reads and
 * raises it conflicts with any other that does: e.g. `open-wishes:<householdId>`.
 */
export interface CounterRecord {
  _id: string;
  count: number;
  updatedAt: string;
}

/** Every collection and the record type stored in it. */
export interface CollectionRecords {
  counties: CountyRecord;
  townships: TownshipRecord;
  villages: VillageRecord;
  households: HouseholdRecord;
  members: MemberRecord;
  users: UserRecord;
  invites: InviteRecord;
  counters: CounterRecord;
  requests: RequestRecord;
  wishes: WishRecord;
  inbox: InboxRecord;
}
