import { routes } from '../../types';
import { mapLimit } from '../core/concurrency';
import {
  digest,
  digestText,
  helperTasks,
  householdTasks,
  townshipTasks,
  villageTeam,
  type Gen,
  type HouseholdFacts,
} from '../core/domain/tasks';
import type { VisitPolicy } from '../core/domain/visit-policy';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import type { HouseholdRecord, MemberRecord, TaskRecord, VillageRecord } from '../core/records';
import { OPEN_STATUSES } from './engine';
import { insertMissing, IN_FLIGHT } from './sweep-pages';
import { markOverdue } from './sweep';

const factsOf = (h: HouseholdRecord, v: VillageRecord): HouseholdFacts => ({
  id: h._id,
  villageId: v._id,
  townshipId: v.townshipId,
  countyId: v.countyId,
  category: h.category,
  livesAway: h.livesAway,
});

/** A helper's paired households are in their own village (types/roster.ts), so the village's facts are all they need. */
const helperFacts = (m: MemberRecord, v: VillageRecord) => ({
  id: m._id,
  villageId: v._id,
  townshipId: v.townshipId,
  countyId: v.countyId,
  pairedHouseholdIds: m.pairedHouseholdIds,
  pairedByOffice: m.pairedByOffice ?? false,
});

/** The morning digest (今天有 3 户要走访，1 户已逾期), once a day per person: its dedupe key names both. */
async function sendDigest(deps: Deps, m: MemberRecord, tasks: readonly TaskRecord[], g: Gen): Promise<boolean> {
  const text = digestText(digest(tasks, g.today));
  if (!text) return false;
  return deps.notifier.notify({
    to: m._id,
    openid: m.openid,
    title: '今日走访提醒',
    body: text,
    link: routes.visitTasks,
    dedupeKey: `task-digest:${m._id}:${g.today}`,
  });
}

export interface VillageRun {
  households: number;
  created: number;
  overdue: number;
  digests: number;
}

/**
 * One village's morning, the unit the timer runs many of at once: its households and staff are read
 * (a few hundred at most, 100 a read); the period's tasks computed (the cadre team's for each
 * household, the township office's village visit where the policy has one, each helper's for their
 * paired households) and the missing ones added; then what is left to do is read per person (the
 * team's, each cadre's and helper's own), the tasks past their due date marked overdue, and each
 * cadre and helper on WeChat sent their digest. Reads, writes and memory follow the village's size.
 */
export async function runVillage(deps: Deps, village: VillageRecord, policy: VisitPolicy, g: Gen): Promise<VillageRun> {
  const [households, staff] = await Promise.all([
    findAll(deps.store.collection('households'), { villageId: village._id }),
    findAll(deps.store.collection('members'), { role: { $in: ['cadre', 'helper'] }, villageId: village._id }),
  ]);
  const facts = new Map(households.map((h) => [h._id, factsOf(h, village)]));
  const made = [
    ...households.flatMap((h) => householdTasks(facts.get(h._id)!, policy, g)),
    ...townshipTasks({ id: village._id, townshipId: village.townshipId, countyId: village.countyId }, policy, g),
    ...staff.filter((m) => m.role === 'helper').flatMap((m) => helperTasks(helperFacts(m, village), facts, policy, g)),
  ];
  const created = await insertMissing(deps, made);

  const team = villageTeam(village._id);
  const tasks = deps.store.collection('tasks');
  const assignees = [team, ...staff.map((m) => m._id)];
  const lists = await mapLimit(assignees, IN_FLIGHT, (assignee) => findAll(tasks, { assignee, status: { $in: OPEN_STATUSES } }));
  const open = new Map(assignees.map((a, i) => [a, lists[i]]));
  const overdue = await markOverdue(deps, lists.flat(), g);
  const sent = await mapLimit(
    staff.filter((m) => m.openid !== null),
    IN_FLIGHT,
    (m) => sendDigest(deps, m, [...(m.role === 'cadre' ? open.get(team)! : []), ...open.get(m._id)!], g),
  );
  return { households: households.length, created, overdue, digests: sent.filter(Boolean).length };
}
