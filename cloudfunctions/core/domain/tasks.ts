import {
  cadreEventLabels,
  householdEventLabels,
  taskKindLabels,
  type CadreEvent,
  type ErrorCode,
  type HouseholdCategory,
  type HouseholdEvent,
  type TaskKind,
  type TaskStatus,
  type TaskTab,
} from '../../../types';
import type { AssigneeKey, EventRecord, TaskHistoryEntry, TaskRecord, VisitProblem, VisitRecord } from '../records';
import { festivalLabels, festivalWindowsAround } from './festivals';
import { periodLabel, periodOf, shiftDay, type Cadence, type VisitPolicy } from './visit-policy';

/**
 * The task engine (seed 000 §一.1-2, 002 §一(一), 003 第十二条): which visits the policy asks for, when a
 * logged visit settles one, and how a task changes. Pure: the caller passes today (China date), now
 * (ISO instant) and the id hash, and stores what comes back. Generated ids depend only on what a task
 * is for, so regenerating (the daily timer, twice or concurrently) lands on the same documents.
 */

export interface HouseholdFacts {
  id: string;
  villageId: string;
  townshipId: string;
  countyId: string;
  category: HouseholdCategory;
  livesAway: boolean;
}

export interface HelperFacts {
  id: string;
  villageId: string;
  townshipId: string;
  countyId: string;
  pairedHouseholdIds: string[];
  pairedByOffice: boolean;
}

export interface Gen {
  /** China date, YYYY-MM-DD. */
  today: string;
  /** ISO instant, for history and timestamps. */
  now: string;
  /** hashId from core/ids.ts. */
  hash: (key: string) => string;
}

export const villageTeam = (villageId: string): AssigneeKey => `village:${villageId}`;
export const townshipOffice = (townshipId: string): AssigneeKey => `township:${townshipId}`;

/** Longest a task may be put off, in days from today. */
export const RESCHEDULE_MAX_DAYS = 60;
/** Kinds a logged household visit settles; the others are closed with `complete`. */
export const VISIT_KINDS: readonly TaskKind[] = ['routine', 'phone', 'must_visit', 'festival', 'helper'];
export const COMPLETABLE_KINDS: readonly TaskKind[] = ['follow_up', 'township', 'care'];
/** Kinds that go up to the township office when missed. */
export const ESCALATING_KINDS: readonly TaskKind[] = ['must_visit', 'care'];
const TITLE_NOTE_MAX = 30;

export const isClosed = (s: TaskStatus): boolean => s === 'done' || s === 'skipped';

/** The id of a generated task: what it is, about whom, for whom, and which period or event. */
export const taskId = (hash: Gen['hash'], kind: TaskKind, subject: string, assignee: AssigneeKey, periodOrSource: string): string =>
  hash(`${kind}:${subject}:${assignee}:${periodOrSource}`);

type Where = Pick<TaskRecord, 'villageId' | 'townshipId' | 'countyId'>;
type Draft = Where &
  Pick<TaskRecord, '_id' | 'kind' | 'assignee' | 'householdId' | 'windowStart' | 'dueDate' | 'urgent' | 'title'> &
  Partial<Pick<TaskRecord, 'subjectMemberId' | 'note' | 'sourceId' | 'policyId'>>;

function newTask(d: Draft, g: Gen, by = 'system', note: string | null = null): TaskRecord {
  return {
    subjectMemberId: null,
    note: null,
    sourceId: null,
    policyId: null,
    ...d,
    status: 'open',
    visitId: null,
    escalatedAt: null,
    history: [{ at: g.now, by, action: 'create', note }],
    createdAt: g.now,
    updatedAt: g.now,
  };
}

const whereOf = (x: Where): Where => ({ villageId: x.villageId, townshipId: x.townshipId, countyId: x.countyId });
const clip = (text: string) => (text.length > TITLE_NOTE_MAX ? `${text.slice(0, TITLE_NOTE_MAX)}…` : text);

function periodicTask(kind: TaskKind, h: HouseholdFacts, assignee: AssigneeKey, every: Cadence, policy: VisitPolicy, g: Gen): TaskRecord {
  const p = periodOf(g.today, every);
  return newTask(
    {
      _id: taskId(g.hash, kind, h.id, assignee, p.start),
      kind,
      assignee,
      ...whereOf(h),
      householdId: h.id,
      windowStart: p.start,
      dueDate: p.end,
      urgent: false,
      title: `${taskKindLabels[kind]}（${periodLabel(p)}）`,
      policyId: policy.id,
    },
    g,
  );
}

/**
 * The village cadre team's tasks for a household on `g.today`: the routine visit (a phone call for a
 * family living away) of the first cadre rule that matches it, for the period containing today, and a
 * festival visit for each festival window containing today.
 */
export function householdTasks(h: HouseholdFacts, policy: VisitPolicy, g: Gen): TaskRecord[] {
  const team = villageTeam(h.villageId);
  const tasks: TaskRecord[] = [];
  const rule = policy.cadre.find((r) => r.categories.includes(h.category) && (r.livesAway === null || r.livesAway === h.livesAway));
  if (rule) tasks.push(periodicTask(h.livesAway ? 'phone' : 'routine', h, team, rule.every, policy, g));
  if (policy.festival.categories.includes(h.category)) {
    for (const w of festivalWindowsAround(g.today, policy.festival.daysBefore, policy.festival.festivals)) {
      tasks.push(
        newTask(
          {
            _id: taskId(g.hash, 'festival', h.id, team, w.start),
            kind: 'festival',
            assignee: team,
            ...whereOf(h),
            householdId: h.id,
            windowStart: w.start,
            dueDate: w.end,
            urgent: false,
            title: `${festivalLabels[w.name]}前慰问（${w.year}年${Number(w.date.slice(5, 7))}月${Number(w.date.slice(8))}日）`,
            policyId: policy.id,
          },
          g,
        ),
      );
    }
  }
  return tasks;
}

/**
 * A helper's visit to each paired household for the period containing today (every 2 months, or the
 * longer cadence of a helper paired by office). Households missing from `households` are left out.
 */
export function helperTasks(
  helper: HelperFacts,
  households: ReadonlyMap<string, HouseholdFacts>,
  policy: VisitPolicy,
  g: Gen,
): TaskRecord[] {
  const every = helper.pairedByOffice ? policy.helper.pairedByOfficeEvery : policy.helper.every;
  return [...new Set(helper.pairedHouseholdIds)].flatMap((id) => {
    const h = households.get(id);
    return h ? [periodicTask('helper', h, helper.id, every, policy, g)] : [];
  });
}

/** The township office's visit to a village for the period containing today, when the policy has one. */
export function townshipTasks(village: { id: string; townshipId: string; countyId: string }, policy: VisitPolicy, g: Gen): TaskRecord[] {
  if (!policy.township) return [];
  const p = periodOf(g.today, policy.township.every);
  const assignee = townshipOffice(village.townshipId);
  return [
    newTask(
      {
        _id: taskId(g.hash, 'township', village.id, assignee, p.start),
        kind: 'township',
        assignee,
        villageId: village.id,
        townshipId: village.townshipId,
        countyId: village.countyId,
        householdId: null,
        windowStart: p.start,
        dueDate: p.end,
        urgent: false,
        title: `${taskKindLabels.township}（${periodLabel(p)}）`,
        policyId: policy.id,
      },
      g,
    ),
  ];
}

/**
 * 四必访: a reported household event gives the village's cadres and each paired helper an urgent
 * task due `mustVisitDays` from today. A cadre event (or one without a household) gives none.
 */
export function mustVisitTasks(event: EventRecord, helperIds: string[], policy: VisitPolicy, g: Gen): TaskRecord[] {
  const householdId = event.householdId;
  if (event.kind !== 'household' || householdId === null) return [];
  const title = `${householdEventLabels[event.event as HouseholdEvent]}：${clip(event.note)}`;
  const assignees = [villageTeam(event.villageId), ...new Set(helperIds)];
  return assignees.map((assignee) =>
    newTask(
      {
        _id: taskId(g.hash, 'must_visit', householdId, assignee, event._id),
        kind: 'must_visit',
        assignee,
        ...whereOf(event),
        householdId,
        windowStart: g.today,
        dueDate: shiftDay(g.today, policy.mustVisitDays),
        urgent: true,
        title,
        note: event.note,
        sourceId: event._id,
      },
      g,
      event.reportedBy,
    ),
  );
}

/** Caring for a cadre (五必访): the township office of the cadre's village visits within `cadreCareDays`. */
export function careTask(event: EventRecord, policy: VisitPolicy, g: Gen): TaskRecord {
  if (event.kind !== 'cadre' || event.memberId === null) throw new Error('careTask needs a cadre event with a member');
  const assignee = townshipOffice(event.townshipId);
  return newTask(
    {
      _id: taskId(g.hash, 'care', event.memberId, assignee, event._id),
      kind: 'care',
      assignee,
      ...whereOf(event),
      householdId: null,
      subjectMemberId: event.memberId,
      windowStart: g.today,
      dueDate: shiftDay(g.today, policy.cadreCareDays),
      urgent: true,
      title: `${cadreEventLabels[event.event as CadreEvent]}：${clip(event.note)}`,
      note: event.note,
      sourceId: event._id,
    },
    g,
    event.reportedBy,
  );
}

/** The id of the follow-up opened by the `index`th problem of a visit. */
export const followUpId = (visitId: string, index: number, hash: Gen['hash']): string => hash(`follow_up:${visitId}:${index}`);

/** A problem found on a visit, for its owner until closed with `complete`. */
export function followUpTask(visit: VisitRecord, problem: VisitProblem, g: Gen): TaskRecord {
  return newTask(
    {
      _id: problem.followUpId,
      kind: 'follow_up',
      assignee: problem.ownerId,
      ...whereOf(visit),
      householdId: visit.householdId,
      windowStart: problem.dueDate < visit.visitedOn ? problem.dueDate : visit.visitedOn,
      dueDate: problem.dueDate,
      urgent: false,
      title: problem.text,
      sourceId: visit._id,
    },
    g,
    visit.visitorId,
  );
}

/** The status as people should read it: an open task past its due date is overdue even before the timer says so. */
export function effectiveStatus(t: Pick<TaskRecord, 'status' | 'dueDate'>, today: string): TaskStatus {
  return t.status === 'open' && t.dueDate < today ? 'overdue' : t.status;
}

/** Overdue first, then urgent (must-visits), then by due date; the id keeps the order total. */
export function compareTasks(a: TaskRecord, b: TaskRecord, today: string): number {
  const overdue = (t: TaskRecord) => (effectiveStatus(t, today) === 'overdue' ? 0 : 1);
  return (
    overdue(a) - overdue(b) ||
    Number(b.urgent) - Number(a.urgent) ||
    a.dueDate.localeCompare(b.dueDate) ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  );
}

/** Whether a task belongs on a tab of the task list. Closed tasks are on none. */
export function inTab(t: Pick<TaskRecord, 'status' | 'dueDate' | 'urgent'>, tab: TaskTab, today: string): boolean {
  if (isClosed(t.status)) return false;
  switch (tab) {
    case 'today':
      return t.dueDate <= today || t.urgent;
    case 'week':
      return t.dueDate <= shiftDay(today, 6) || t.urgent;
    case 'overdue':
      return t.dueDate < today || t.status === 'overdue';
    case 'all':
      return true;
  }
}

export type ResolvingVisit = Pick<VisitRecord, 'householdId' | 'visitorId' | 'visitorRole' | 'villageId' | 'mode' | 'visitedOn'>;

/**
 * Whether a logged visit settles a task: the same household; a cadre's visit settles the village team's
 * tasks, a helper's their own; the task still open and its window opened by the visit day. A phone call
 * settles only a phone task, or a helper's task for a family living away (`livesAway`); a visit in
 * person settles every visit kind.
 */
export function resolves(t: TaskRecord, v: ResolvingVisit, livesAway = false): boolean {
  if (t.householdId === null || t.householdId !== v.householdId) return false;
  if (t.status !== 'open' && t.status !== 'overdue') return false;
  if (!VISIT_KINDS.includes(t.kind) || t.windowStart > v.visitedOn) return false;
  const mine =
    (v.visitorRole === 'cadre' && t.assignee === villageTeam(v.villageId)) || (v.visitorRole === 'helper' && t.assignee === v.visitorId);
  if (!mine) return false;
  if (v.mode === 'in_person') return true;
  return t.kind === 'phone' || (t.kind === 'helper' && livesAway);
}

export type TaskAction =
  | { kind: 'done'; by: string; at: string; note: string | null; visitId?: string }
  | { kind: 'skip'; by: string; at: string; note: string }
  | { kind: 'reschedule'; by: string; at: string; note: string; dueDate: string }
  | { kind: 'complete'; by: string; at: string; note: string }
  | { kind: 'overdue'; at: string }
  | { kind: 'escalate'; at: string };

/** Why a change was refused: a contract error code the handler sends on. */
export type TaskChangeError = Extract<ErrorCode, 'TASK.CLOSED' | 'TASK.BAD_DATE' | 'TASK.NEEDS_VISIT'>;
export const isTaskChangeError = (r: TaskRecord | TaskChangeError): r is TaskChangeError => typeof r === 'string';

/** A must-visit (or caring for a cadre) still not done past its deadline, not yet passed up. */
export function needsEscalation(t: Pick<TaskRecord, 'kind' | 'status' | 'dueDate' | 'escalatedAt'>, today: string): boolean {
  return ESCALATING_KINDS.includes(t.kind) && !isClosed(t.status) && t.dueDate < today && t.escalatedAt === null;
}

/**
 * Applies one change, returning a new record with the change appended to its history, or the reason it
 * was refused. The timer's `overdue` and `escalate` return the task itself (the same object) when there
 * is nothing to do, so running the timer twice changes nothing.
 */
export function changeTask(t: TaskRecord, action: TaskAction, today: string): TaskRecord | TaskChangeError {
  if (isClosed(t.status)) return 'TASK.CLOSED';
  const entry = (by: string, note: string | null): TaskHistoryEntry => ({ at: action.at, by, action: historyAction[action.kind], note });
  const next = (changes: Partial<TaskRecord>, e: TaskHistoryEntry): TaskRecord => ({
    ...t,
    ...changes,
    history: [...t.history, e],
    updatedAt: action.at,
  });
  switch (action.kind) {
    case 'done':
      return next({ status: 'done', visitId: action.visitId ?? null }, entry(action.by, action.note));
    case 'skip':
      return next({ status: 'skipped' }, entry(action.by, action.note));
    case 'complete':
      if (!COMPLETABLE_KINDS.includes(t.kind)) return 'TASK.NEEDS_VISIT';
      return next({ status: 'done' }, entry(action.by, action.note));
    case 'reschedule': {
      const d = action.dueDate;
      if (d < today || d > shiftDay(today, RESCHEDULE_MAX_DAYS)) return 'TASK.BAD_DATE';
      // A new deadline is a new chance: open again, and passed up again if this one is missed too.
      return next(
        { dueDate: d, windowStart: d < t.windowStart ? d : t.windowStart, status: 'open', escalatedAt: null },
        entry(action.by, `改到 ${d}：${action.note}`),
      );
    }
    case 'overdue':
      if (t.status !== 'open' || t.dueDate >= today) return t;
      return next({ status: 'overdue' }, entry('system', null));
    case 'escalate':
      if (!needsEscalation(t, today)) return t;
      return next({ status: 'overdue', escalatedAt: action.at }, entry('system', null));
  }
}

const historyAction: Record<TaskAction['kind'], TaskHistoryEntry['action']> = {
  done: 'done',
  skip: 'skip',
  reschedule: 'reschedule',
  complete: 'done',
  overdue: 'overdue',
  escalate: 'escalate',
};

export interface Digest {
  /** Households with something on today's tab (overdue ones included). */
  dueToday: number;
  /** Of those, households with an overdue task. */
  overdue: number;
  /** Households due later this week and not already counted today. */
  week: number;
}

/**
 * The morning digest for one person's tasks, counted in households (a household with a routine and a
 * festival visit is one call to make); a task without a household (a village, a cadre) counts alone.
 */
export function digest(tasks: readonly TaskRecord[], today: string): Digest {
  const key = (t: TaskRecord) => t.householdId ?? `task:${t._id}`;
  const todayKeys = new Set<string>();
  const overdueKeys = new Set<string>();
  const weekKeys = new Set<string>();
  for (const t of tasks) {
    if (inTab(t, 'today', today)) todayKeys.add(key(t));
    if (inTab(t, 'overdue', today)) overdueKeys.add(key(t));
    if (inTab(t, 'week', today)) weekKeys.add(key(t));
  }
  for (const k of todayKeys) weekKeys.delete(k);
  return { dueToday: todayKeys.size, overdue: overdueKeys.size, week: weekKeys.size };
}

/** 今天有 3 户要走访，1 户已逾期；本周还有 5 户. Null when there is nothing to say. */
export function digestText(d: Digest): string | null {
  const parts: string[] = [];
  if (d.dueToday > 0) parts.push(`今天有 ${d.dueToday} 户要走访` + (d.overdue > 0 ? `，${d.overdue} 户已逾期` : ''));
  if (d.week > 0) parts.push(d.dueToday > 0 ? `本周还有 ${d.week} 户` : `本周有 ${d.week} 户要走访`);
  return parts.length > 0 ? parts.join('；') : null;
}
