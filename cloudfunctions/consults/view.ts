import { legalConsultTypes, roleLabels, type ConsultDetail, type ConsultSummary, type LegalAidCard } from '../../types';
import { CONSULT_THREAD_MAX, consultCan, isOverdue } from '../core/domain/consult';
import type { Deps } from '../core/handler/deps';
import { getMany } from '../core/ports/store';
import type { ConsultRecord, HouseholdRecord, MemberRecord, VillageRecord } from '../core/records';
import { stateOf } from './change';
import { readLegalCard } from './legal-card';

const GONE = '（已移出花名册）';
const EXCERPT = 60;

export const personLabel = (m: MemberRecord | undefined): string => (m ? `${roleLabels[m.role]} ${m.name}` : GONE);

/** Who handles it, in words: the village's cadres as a team until someone accepts or is handed it. */
const assigneeLabel = (r: ConsultRecord, members: Map<string, MemberRecord>): string => {
  if (r.assigneeId === null) return '本村驻村干部';
  const m = members.get(r.assigneeId);
  return m ? `${m.name}（${m.title ?? roleLabels[m.role]}）` : GONE;
};

interface Names {
  households: Map<string, HouseholdRecord>;
  villages: Map<string, VillageRecord>;
  members: Map<string, MemberRecord>;
}

async function namesFor(deps: Deps, records: readonly ConsultRecord[], extraMembers: readonly string[] = []): Promise<Names> {
  const [households, villages, members] = await Promise.all([
    getMany(
      deps.store.collection('households'),
      records.map((r) => r.householdId),
    ),
    getMany(
      deps.store.collection('villages'),
      records.map((r) => r.villageId),
    ),
    getMany(deps.store.collection('members'), [...records.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])), ...extraMembers]),
  ]);
  return { households, villages, members };
}

/** 我家 for the household itself; the head's name and 门牌 for the staff who go there. */
function householdLabel(r: ConsultRecord, caller: MemberRecord, n: Names): string {
  if (caller.role === 'villager') return '我家';
  const h = n.households.get(r.householdId);
  return h ? `${h.headName} ${h.address}` : GONE;
}

function summary(r: ConsultRecord, caller: MemberRecord, n: Names, now: Date): ConsultSummary {
  const chars = Array.from(r.text);
  return {
    id: r._id,
    type: r.type,
    status: r.status,
    excerpt: chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : r.text,
    householdLabel: householdLabel(r, caller, n),
    villageName: n.villages.get(r.villageId)?.name ?? '',
    assignee: assigneeLabel(r, n.members),
    submittedAt: r.submittedAt,
    dueAt: r.dueAt,
    overdue: isOverdue(stateOf(r), now),
    escalated: r.escalatedAt !== null,
    updatedAt: r.updatedAt,
  };
}

export async function toSummaries(
  deps: Deps,
  records: readonly ConsultRecord[],
  caller: MemberRecord,
  now: Date,
): Promise<ConsultSummary[]> {
  if (records.length === 0) return [];
  const names = await namesFor(deps, records);
  return records.map((r) => summary(r, caller, names, now));
}

/**
 * A request as the caller may see it: what they may do now, the thread and history with names, photo
 * links made for this call only, and the county's legal-aid card on legal and dispute requests.
 */
export async function toDetail(deps: Deps, r: ConsultRecord, caller: MemberRecord, now: Date): Promise<ConsultDetail> {
  const people = [...r.thread.map((m) => m.authorId), ...r.history.map((e) => e.by), ...(r.enteredBy ? [r.enteredBy] : [])];
  const [names, photoUrls, legalAid] = await Promise.all([
    namesFor(
      deps,
      [r],
      people.filter((id) => id !== 'system'),
    ),
    r.photos.length > 0 ? deps.files.temporaryUrls(r.photos) : Promise.resolve([]),
    legalConsultTypes.includes(r.type) ? readLegalCard(deps, r.countyId) : Promise.resolve<LegalAidCard | null>(null),
  ]);
  const can = consultCan(caller, stateOf(r));
  return {
    ...summary(r, caller, names, now),
    text: r.text,
    photoUrls: photoUrls.filter((u) => u !== ''),
    enteredBy: r.enteredBy ? personLabel(names.members.get(r.enteredBy)) : null,
    thread: r.thread.map((m) => ({
      id: m.id,
      at: m.at,
      authorName: personLabel(names.members.get(m.authorId)),
      fromHousehold: m.fromHousehold,
      text: m.text,
    })),
    history: r.history.map((e) => ({
      at: e.at,
      by: e.by === 'system' ? '系统' : personLabel(names.members.get(e.by)),
      action: e.action,
      note: e.note,
    })),
    legalAid,
    can: { ...can, reply: can.reply && r.thread.length < CONSULT_THREAD_MAX },
    resolution: r.resolution,
  };
}
