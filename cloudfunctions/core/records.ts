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
import type { NoticeKind, WarningLevel, WarningStatus } from '../../types/notices';
import type { AgroRegion } from '../../types/roster';
import type { WishActionKind } from './domain/wish-machine';
import type { ConsultStatus, ConsultType, LegalAidCard } from '../../types/consults';
import type { AssigneeRole, ConsultEvent } from './domain/consult';
import type { BoardStatus, ReportReason } from '../../types/board';

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
  /** Which farming calendar its solar-term notices follow; absent on villages stored before regions existed: DEFAULT_AGRO_REGION. */
  agroRegion?: AgroRegion;
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

/** One message of a request's thread; the author's name is looked up when shown, as the reader may see it. */
export interface ConsultMessageRecord {
  id: string;
  at: string;
  authorId: string;
  fromHousehold: boolean;
  text: string;
}

/**
 * A consultation or proxy-service request (咨询 / 爱心代办). Its id is a hash of the submitter and
 * the request id, so a retried submit answers the first result. `open`, `dueAt`, `raised` and
 * `householdOrder` are derived from the state whenever it changes (core/domain/consult.ts
 * derivedFields), so each list is one indexed range read.
 */
export interface ConsultRecord {
  _id: string;
  villageId: string;
  townshipId: string;
  countyId: string;
  householdId: string;
  type: ConsultType;
  /** The household's own words: read only by the household and the staff over it. */
  text: string;
  photos: string[];
  status: ConsultStatus;
  /** The member who submitted: a villager of the household, or the cadre who entered it. */
  submittedBy: string;
  /** The cadre who entered it on the household's behalf, or null. */
  enteredBy: string | null;
  submittedAt: string;
  respondBy: string;
  resolveBy: string;
  /** The deadline that applies now (respondBy while submitted, resolveBy after). */
  dueAt: string;
  /** Waiting on its handler: submitted, accepted or in progress. */
  open: boolean;
  /** Escalated, or handed to an office: what an office's queue lists. */
  raised: boolean;
  /** `1:<submittedAt>` until closed, then `0:<submittedAt>`: 我的求助 sorts on it descending. */
  householdOrder: string;
  /** Null: the village's cadres as a team. */
  assigneeId: string | null;
  assigneeRole: AssigneeRole | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  /** The deadline (dueAt) whose passing the handler was last told of, so they are told once per deadline. */
  overdueNotifiedFor: string | null;
  thread: ConsultMessageRecord[];
  history: ConsultEvent[];
  updatedAt: string;
}

/** A county's 法律援助便民服务卡; the id is the county's id. */
export interface LegalCardRecord {
  _id: string;
  card: LegalAidCard;
  updatedBy: string;
  updatedAt: string;
}

// ── notices (issue 11) ──

/** A notice to one or more villages: an announcement, a solar-term farming notice or a severe-weather warning. */
export interface NoticeRecord {
  _id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  /** Warnings only; the other fields below marked so are null for other kinds. */
  level: WarningLevel | null;
  warningType: string | null;
  start: string | null;
  /** Warnings: past it, the warning leaves the active (pinned) set. */
  end: string | null;
  /** Warnings: the id of the version in force (the provider's, or a hash of the office's request). */
  sourceId: string | null;
  /** Warnings: sender and type, so an update that names no earlier id still replaces the warning it updates. */
  warningKey: string | null;
  villageIds: string[];
  /** The listing keys it has a row under (see NoticeRowRecord). */
  audiences: string[];
  /** The member who published it; null for the provider's warnings and the solar-term timer. */
  publisherId: string | null;
  /** Who published it, in words (石桥镇驻村办, 县气象台, 驻村干部 赵明远). */
  publisher: string;
  publishedAt: string;
  updatedAt: string;
  /** Warnings withdrawn by a cancel: still readable, no longer active. */
  cancelledAt: string | null;
  /**
   * Set once its rows are written and everyone it was for has been told. Every step before is
   * idempotent (fixed ids, dedupe keys), so a run that stopped half-way is finished by the next.
   */
  deliveredAt: string | null;
}

/**
 * One listing row of a notice per audience, `village:<id>`, `township:<id>` or `county:<id>`: the
 * store has no array-contains query, so a notice to several villages is listed through one row
 * each. Id: hash(noticeId, audience).
 */
export interface NoticeRowRecord {
  _id: string;
  noticeId: string;
  audience: string;
  publishedAt: string;
  /** A warning not cancelled: pinned on top of the list while `end` is ahead. */
  pinned: boolean;
  end: string | null;
}

/** A member read a notice. Id: hash(noticeId, memberId). */
export interface NoticeReadRecord {
  _id: string;
  noticeId: string;
  memberId: string;
  /** The reader's village (null for an office), for the readers count per village. */
  villageId: string | null;
  /** The notice's, so that the unread count can look at recent notices only. */
  publishedAt: string;
  readAt: string;
}

/** A warning id (the provider's or an office's) already handled, and the notice it went into. Id: hash(sourceId). */
export interface WarningSourceRecord {
  _id: string;
  sourceId: string;
  noticeId: string;
  status: WarningStatus;
  handledAt: string;
}

/** A cadre's line for their own fields, added to a coming solar term's notice. Id: `term-note:<villageId>:<year>:<termId>`. */
export interface TermNoteRecord {
  _id: string;
  villageId: string;
  year: number;
  termId: string;
  note: string;
  updatedBy: string;
  updatedAt: string;
}

/** One reply under a board post, kept on the post (a post has at most boardRules.maxReplies). */
export interface BoardReplyRecord {
  /** From the replier's request id, so a retried reply is stored once. */
  id: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  /** A cadre's reply: 官方回复. */
  official: boolean;
  /** Phone and ID numbers already masked: the raw text is never stored. */
  text: string;
  /** 'deleted' is kept for the record (and the six months 跟帖评论 logs must be kept) but shown to nobody. */
  status: BoardStatus | 'deleted';
  createdAt: string;
}

export interface BoardReportRecord {
  /** A member id: one report per person and post. */
  by: string;
  reason: ReportReason;
  at: string;
}

/** What happened to a post or one of its replies, and who did it: the moderation record. */
export interface BoardHistoryEntry {
  at: string;
  /** A member id, or 'system' (hidden by reports). */
  by: string;
  action: 'post' | 'held' | 'report' | 'hide' | 'restore' | 'delete' | 'pin' | 'unpin';
  /** The reply acted on; null for the post itself. */
  replyId: string | null;
  note: string | null;
}

/** A post on a village's message board (留言板). */
export interface BoardPostRecord {
  /** From the author's request id, so a retried post is stored once. */
  _id: string;
  villageId: string;
  townshipId: string;
  countyId: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  /** Written by a cadre. */
  official: boolean;
  /** Phone and ID numbers already masked: the raw text is never stored. */
  text: string;
  photos: string[];
  /** 'deleted' is a tombstone: kept for the record, listed to nobody. */
  status: BoardStatus | 'deleted';
  /** status !== 'deleted', as its own field: a cadre's list is one indexed query ordered by sortKey, with no $in. */
  listed: boolean;
  pinned: boolean;
  /** The list's order: '1' or '0' for pinned, then createdAt; listed descending, ties by _id. */
  sortKey: string;
  replies: BoardReplyRecord[];
  reports: BoardReportRecord[];
  /** When a cadre last hid or restored it: reports before that were reviewed, and count no more towards hiding it. */
  reviewedAt: string | null;
  history: BoardHistoryEntry[];
  createdAt: string;
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
  consults: ConsultRecord;
  legalCards: LegalCardRecord;
  notices: NoticeRecord;
  noticeRows: NoticeRowRecord;
  noticeReads: NoticeReadRecord;
  warningSources: WarningSourceRecord;
  termNotes: TermNoteRecord;
  boardPosts: BoardPostRecord;
}
