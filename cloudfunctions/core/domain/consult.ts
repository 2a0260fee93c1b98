import { consultRules, type ConsultEventView, type ConsultStatus, type ConsultType } from '../../../types/consults';
import type { MemberRecord } from '../records';
import { DomainError } from './errors';
import { covers } from './scope';

/**
 * The consultation and proxy-service machine (seed 000 §一.5, §一.9; FixMyStreet's questionnaire).
 * Pure: the caller passes the request's state, the action, who acts and when, and stores what
 * comes back.
 *
 *   submitted ──accept──▶ accepted ──first staff reply──▶ in_progress ──resolve──▶ resolved ──confirm yes──▶ closed
 *       │  assign keeps the status  └────────────resolve──────────────────────────▲   │ confirm no (reason) ▲
 *       │                                                                            └──▶ in_progress      │
 *       └ escalate (timer, once, status unchanged)                         resolved ──auto_close (timer)───┘
 */
export type ConsultMember = Pick<MemberRecord, '_id' | 'role' | 'scopeLevel' | 'villageId' | 'townshipId' | 'countyId' | 'householdId'>;
/** A person, or the hourly timer (`system`). */
export type ConsultActor = { kind: 'member'; member: ConsultMember } | { kind: 'system' };

export type AssigneeRole = 'cadre' | 'office';

/** What the rules read and change; the stored record carries more (texts, photos, thread). */
export interface ConsultState {
  type: ConsultType;
  status: ConsultStatus;
  villageId: string;
  townshipId: string;
  countyId: string;
  householdId: string;
  /** Null: the village's cadres as a team. */
  assigneeId: string | null;
  assigneeRole: AssigneeRole | null;
  /** The cadre who entered it on the household's behalf. */
  enteredBy: string | null;
  respondBy: string;
  resolveBy: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
}

export type ConsultAction =
  | { kind: 'accept' }
  | { kind: 'assign'; to: ConsultMember; note: string | null }
  | { kind: 'reply' }
  | { kind: 'resolve'; note: string }
  | { kind: 'confirm'; solved: boolean; reason: string | null }
  | { kind: 'escalate' }
  | { kind: 'auto_close' };
export type ConsultActionKind = ConsultAction['kind'];

/** One entry of the request's history: a member id, or 'system' for the timer. */
export interface ConsultEvent {
  at: string;
  by: string;
  action: ConsultEventView['action'];
  note: string | null;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The statuses in which the request waits on its handler: the `open` queue, and what can be overdue. */
export const STAFF_OPEN: readonly ConsultStatus[] = ['submitted', 'accepted', 'in_progress'];
export const isStaffOpen = (s: ConsultStatus): boolean => STAFF_OPEN.includes(s);

/**
 * Messages a thread holds at most. The request is one document, read and rewritten whole at each
 * step and answered whole by `get`; two hundred messages is far more than any request's talk.
 */
export const CONSULT_THREAD_MAX = 200;

/** Target times of a type, counted from submission (config/consult-rules.json). */
export function consultTargets(type: ConsultType, submittedAt: Date): { respondBy: string; resolveBy: string } {
  const t = consultRules.targets[type];
  return {
    respondBy: new Date(submittedAt.getTime() + t.respondHours * HOUR).toISOString(),
    resolveBy: new Date(submittedAt.getTime() + t.resolveDays * DAY).toISOString(),
  };
}

/** The deadline that applies now: a first answer while submitted, resolution after. */
export const dueAtOf = (s: Pick<ConsultState, 'status' | 'respondBy' | 'resolveBy'>): string =>
  s.status === 'submitted' ? s.respondBy : s.resolveBy;

/** Past the deadline that applies now while still waiting on its handler. */
export const isOverdue = (s: Pick<ConsultState, 'status' | 'respondBy' | 'resolveBy'>, now: Date): boolean =>
  isStaffOpen(s.status) && dueAtOf(s) < now.toISOString();

/** When a resolved request nobody answered closes itself. */
export const autoCloseAt = (resolvedAt: string): string =>
  new Date(Date.parse(resolvedAt) + consultRules.autoCloseDays * DAY).toISOString();

const isHousehold = (m: ConsultMember, s: ConsultState) => m.role === 'villager' && m.householdId === s.householdId;
const isVillageCadre = (m: ConsultMember, s: ConsultState) => m.role === 'cadre' && m.villageId === s.villageId;

/** Who may know a request exists: its household, its village's cadres, the offices over it. Helpers never. */
export function maySeeConsult(m: ConsultMember, s: ConsultState): boolean {
  switch (m.role) {
    case 'villager':
      return isHousehold(m, s);
    case 'cadre':
      return isVillageCadre(m, s);
    case 'office':
      return covers(m, s);
    case 'helper':
      return false;
  }
}

/**
 * Someone a request may be handed to: a cadre of its village, or an office user of its township
 * (the county's office where the township has none). Never the caller or the current assignee.
 */
export function isEligibleAssignee(to: ConsultMember, s: ConsultState, townshipHasOffice: boolean): boolean {
  if (to._id === s.assigneeId) return false;
  if (to.role === 'cadre') return to.villageId === s.villageId;
  if (to.role !== 'office') return false;
  if (to.scopeLevel === 'township') return to.townshipId === s.townshipId;
  return to.scopeLevel === 'county' && !townshipHasOffice && to.countyId === s.countyId;
}

/** Whether a message from `m` speaks for the household: its villagers, or the cadre who entered it unless they now handle it. */
export const speaksForHousehold = (m: ConsultMember, s: ConsultState): boolean =>
  isHousehold(m, s) || (m._id === s.enteredBy && m._id !== s.assigneeId);

/** What `m` may do now: the detail page shows exactly these. */
export function consultCan(m: ConsultMember, s: ConsultState) {
  const handler = m._id === s.assigneeId || isVillageCadre(m, s);
  return {
    accept:
      s.status === 'submitted' &&
      ((isVillageCadre(m, s) && (s.assigneeId === null || s.assigneeId === m._id)) || (m.role === 'office' && s.assigneeId === m._id)),
    // An office an overdue request was escalated to may hand it on: being told of a stuck request
    // is only useful to someone who can move it.
    assign:
      isStaffOpen(s.status) &&
      (isVillageCadre(m, s) || m._id === s.assigneeId || (m.role === 'office' && s.escalatedAt !== null && covers(m, s))),
    reply: s.status !== 'closed' && (speaksForHousehold(m, s) || (s.status !== 'submitted' && handler)),
    resolve: (s.status === 'accepted' || s.status === 'in_progress') && handler,
    confirm: s.status === 'resolved' && (isHousehold(m, s) || (m.role === 'cadre' && m._id === s.enteredBy)),
  };
}

const ALLOWED: Record<ConsultActionKind, readonly ConsultStatus[]> = {
  accept: ['submitted'],
  assign: STAFF_OPEN,
  reply: ['submitted', 'accepted', 'in_progress', 'resolved'],
  resolve: ['accepted', 'in_progress'],
  confirm: ['resolved'],
  escalate: STAFF_OPEN,
  auto_close: ['resolved'],
};

const bad = (detail: string) => new DomainError('CONSULT.BAD_TRANSITION', detail);
const forbidden = (detail: string) => new DomainError('COMMON.FORBIDDEN', detail);

/**
 * Applies one action. The status is checked first (CONSULT.BAD_TRANSITION: a race lost or a stale
 * page), then the actor (COMMON.FORBIDDEN), then the action's own rules (CONSULT.BAD_ASSIGNEE,
 * CONSULT.NEED_REASON). `event` is null for a reply that changes no status: the thread records it.
 * Whether the caller may see the request at all (else CONSULT.NOT_FOUND) is asked before, with
 * maySeeConsult.
 */
export function applyConsultAction(
  s: ConsultState,
  action: ConsultAction,
  actor: ConsultActor,
  now: Date,
  facts: { townshipHasOffice: boolean } = { townshipHasOffice: true },
): { next: ConsultState; event: ConsultEvent | null } {
  if (!ALLOWED[action.kind].includes(s.status)) throw bad(`${action.kind} is not allowed on a ${s.status} request`);
  const at = now.toISOString();
  const system = action.kind === 'escalate' || action.kind === 'auto_close';
  if (system !== (actor.kind === 'system')) throw forbidden(`${action.kind} is ${system ? 'the timer’s' : 'a person’s'}`);
  const m = actor.kind === 'member' ? actor.member : null;
  const can = m ? consultCan(m, s) : null;
  const event = (note: string | null = null): ConsultEvent => ({ at, by: m?._id ?? 'system', action: action.kind, note });
  switch (action.kind) {
    case 'accept':
      if (!can!.accept) throw forbidden('only a cadre of the village, or the office it was handed to, accepts it');
      return {
        next: { ...s, status: 'accepted', assigneeId: m!._id, assigneeRole: m!.role as AssigneeRole, acceptedAt: at },
        event: event(),
      };
    case 'assign':
      if (!can!.assign) throw forbidden('only a cadre of the village or the current assignee hands it over');
      if (action.to._id === m!._id || !isEligibleAssignee(action.to, s, facts.townshipHasOffice)) {
        throw new DomainError('CONSULT.BAD_ASSIGNEE');
      }
      return { next: { ...s, assigneeId: action.to._id, assigneeRole: action.to.role as AssigneeRole }, event: event(action.note) };
    case 'reply': {
      if (!can!.reply) throw forbidden('only the household and whoever handles it write in the thread');
      const starts = s.status === 'accepted' && m!._id === s.assigneeId;
      return starts ? { next: { ...s, status: 'in_progress' }, event: event() } : { next: s, event: null };
    }
    case 'resolve':
      if (!can!.resolve) throw forbidden('only the assignee or a cadre of the village resolves it');
      return { next: { ...s, status: 'resolved', resolvedAt: at, resolution: action.note }, event: event(action.note) };
    case 'confirm': {
      if (!can!.confirm) throw forbidden('only the household, or the cadre who entered it, answers');
      if (action.solved) return { next: { ...s, status: 'closed', closedAt: at }, event: event() };
      const reason = action.reason?.trim() ?? '';
      if (reason === '') throw new DomainError('CONSULT.NEED_REASON');
      // A reopened request gets a fresh target: the old one measured work now found unfinished.
      const resolveBy = new Date(now.getTime() + consultRules.targets[s.type].resolveDays * DAY).toISOString();
      return {
        next: { ...s, status: 'in_progress', resolvedAt: null, resolution: null, resolveBy },
        event: { at, by: m!._id, action: 'reopen', note: reason },
      };
    }
    case 'escalate':
      if (s.escalatedAt !== null) throw bad('already escalated');
      if (!isOverdue(s, now)) throw bad('not overdue');
      return { next: { ...s, escalatedAt: at }, event: event() };
    case 'auto_close':
      if (s.resolvedAt === null || autoCloseAt(s.resolvedAt) > at) throw bad('not due to close yet');
      return { next: { ...s, status: 'closed', closedAt: at }, event: event() };
  }
}

/**
 * Stored fields derived from the state, so that each list is one indexed range read: `open` for the
 * staff queues, `dueAt` to put overdue first, `raised` for an office's queue (escalated, or handed
 * to an office), `householdOrder` for 我的求助 (not closed first, then newest).
 */
export function derivedFields(s: ConsultState, submittedAt: string) {
  return {
    open: isStaffOpen(s.status),
    dueAt: dueAtOf(s),
    raised: s.escalatedAt !== null || s.assigneeRole === 'office',
    householdOrder: `${s.status === 'closed' ? 0 : 1}:${submittedAt}`,
  };
}
