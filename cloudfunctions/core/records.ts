import type {
  CadreEvent,
  HouseholdCategory,
  HouseholdEvent,
  Role,
  ScopeLevel,
  TaskKind,
  TaskStatus,
  VisitAnswers,
  VisitMode,
  WishCategory,
  WishChannel,
  WishScope,
  WishStatus,
} from '../../types';
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
  /**
   * A helper of a provincial department whose unit was paired with the village (单位包联): visits every
   * 4 months rather than 2 under hebei-2018 (seed 003 第十二条). Absent means false.
   */
  pairedByOffice?: boolean;
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

/**
 * Who a task is for, as one indexed string: `village:<villageId>` (the village's cadres as a team,
 * any of whom may do it), `township:<townshipId>` (the township office), or a member id (a helper,
 * the owner of a follow-up).
 */
export type AssigneeKey = string;

export interface TaskHistoryEntry {
  at: string;
  /** A member id, or 'system' for the daily timer. */
  by: string;
  action: 'create' | 'done' | 'skip' | 'reschedule' | 'overdue' | 'escalate' | 'remind';
  note: string | null;
}

export interface TaskRecord {
  /** Deterministic for generated tasks (kind, subject, assignee, period), so the timer never makes one twice. */
  _id: string;
  kind: TaskKind;
  assignee: AssigneeKey;
  villageId: string;
  townshipId: string;
  countyId: string;
  /** The household to visit; null for a township team's village visit and for caring for a cadre. */
  householdId: string | null;
  /** The cadre a `care` task is about. */
  subjectMemberId: string | null;
  /** China-time days, YYYY-MM-DD: the window opens on `windowStart` and closes at the end of `dueDate`. */
  windowStart: string;
  dueDate: string;
  /** Stored as the timer (or a change) last saw it; `open` past `dueDate` reads as overdue. */
  status: TaskStatus;
  urgent: boolean;
  title: string;
  note: string | null;
  /** The reported event (must-visits, care) or the visit (follow-ups) the task came from. */
  sourceId: string | null;
  /** The policy preset that generated a routine task, for the record. */
  policyId: string | null;
  /** The visit that resolved it. */
  visitId: string | null;
  escalatedAt: string | null;
  history: TaskHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

/** A reported 必访 event: a household's (四必访) or a cadre's (五必访). */
export interface EventRecord {
  _id: string;
  kind: 'household' | 'cadre';
  event: HouseholdEvent | CadreEvent;
  householdId: string | null;
  memberId: string | null;
  villageId: string;
  townshipId: string;
  countyId: string;
  note: string;
  reportedBy: string;
  createdAt: string;
}

export interface VisitProblem {
  text: string;
  ownerId: string;
  dueDate: string;
  /** The follow-up task the problem opened. */
  followUpId: string;
}

export interface VisitRecord {
  _id: string;
  householdId: string;
  villageId: string;
  townshipId: string;
  countyId: string;
  visitorId: string;
  visitorRole: Role;
  mode: VisitMode;
  answers: VisitAnswers;
  problems: VisitProblem[];
  visitedOn: string;
  photos: string[];
  location: { latitude: number; longitude: number } | null;
  resolvedTaskIds: string[];
  createdAt: string;
}

/** Who read which household page when (PIPL accountability); kept, never shown to the household. */
export interface AccessRecord {
  _id: string;
  memberId: string;
  householdId: string;
  at: string;
}

/** A county's visit policy: the preset in force and the one chosen from the next period. */
export interface PolicySettingRecord {
  /** `visit-policy:<countyId>` */
  _id: string;
  presetId: string;
  nextPresetId: string | null;
  /** YYYY-MM-DD, the first day of the period the next preset applies from. */
  nextFrom: string | null;
  updatedBy: string;
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
  tasks: TaskRecord;
  events: EventRecord;
  visits: VisitRecord;
  access: AccessRecord;
  settings: PolicySettingRecord;
}
