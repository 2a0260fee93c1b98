import { DomainError } from '../core/domain/errors';
import type { Deps } from '../core/handler/deps';
import { hashId } from '../core/ids';
import { findAll } from '../core/paging';
import { getMany } from '../core/ports/store';
import type { MemberRecord, NoticeRecord, VillageRecord } from '../core/records';

/**
 * Who a notice is listed for. A villager, helper or cadre reads their village's notices; a township
 * or county office those of its area. Each is one listing key, so a notice has one row per key.
 */
export const villageAudience = (villageId: string) => `village:${villageId}`;
const townshipAudience = (townshipId: string) => `township:${townshipId}`;
const countyAudience = (countyId: string) => `county:${countyId}`;

/** The caller's listing key; null for a member placed nowhere (then they have no notices). */
export function audienceOf(caller: MemberRecord): string | null {
  if (caller.role === 'office') {
    if (caller.scopeLevel === 'township' && caller.townshipId) return townshipAudience(caller.townshipId);
    return countyAudience(caller.countyId);
  }
  return caller.villageId ? villageAudience(caller.villageId) : null;
}

/** Every key a notice to these villages is listed under: the villages, their townships and counties (their offices). */
export function audiencesOf(villages: readonly Pick<VillageRecord, '_id' | 'townshipId' | 'countyId'>[]): string[] {
  const keys = new Set<string>();
  for (const v of villages) keys.add(villageAudience(v._id));
  for (const v of villages) keys.add(townshipAudience(v.townshipId));
  for (const v of villages) keys.add(countyAudience(v.countyId));
  return [...keys];
}

export const rowId = (noticeId: string, audience: string) => hashId(`notice-row:${noticeId}:${audience}`);
export const readId = (noticeId: string, memberId: string) => hashId(`notice-read:${noticeId}:${memberId}`);

/** Whether the caller may read the notice: it is listed for them. */
export function maySee(caller: MemberRecord, notice: Pick<NoticeRecord, 'audiences'>): boolean {
  const audience = audienceOf(caller);
  return audience !== null && notice.audiences.includes(audience);
}

/** The notice, if the caller may read it; NOTICE.NOT_FOUND otherwise, as if it did not exist. */
export async function visibleNotice(deps: Deps, caller: MemberRecord, id: string): Promise<NoticeRecord> {
  const notice = await deps.store.collection('notices').get(id);
  if (!notice || !maySee(caller, notice)) throw new DomainError('NOTICE.NOT_FOUND');
  return notice;
}

/** Whether a village is in the caller's area: their own village for a cadre, the township's or the county's for an office. */
export function inArea(caller: MemberRecord, v: Pick<VillageRecord, '_id' | 'townshipId' | 'countyId'>): boolean {
  if (caller.role !== 'office') return caller.villageId === v._id;
  if (caller.scopeLevel === 'township') return caller.townshipId === v.townshipId;
  return caller.countyId === v.countyId;
}

/** Every village of an office's area, or a cadre's own village. */
export async function villagesOfArea(deps: Deps, caller: MemberRecord): Promise<VillageRecord[]> {
  const villages = deps.store.collection('villages');
  if (caller.role !== 'office') {
    const own = caller.villageId ? await villages.get(caller.villageId) : null;
    return own ? [own] : [];
  }
  // Villages are indexed by county only: a township's are the county's of that township (a county has a few hundred).
  const ofCounty = await findAll(villages, { countyId: caller.countyId });
  return ofCounty.filter((v) => inArea(caller, v));
}

/**
 * The villages a staff member sends to: the ones named, each of which must be theirs
 * (NOTICE.OUT_OF_SCOPE otherwise), or all of theirs when none are named.
 */
export async function targetVillages(
  deps: Deps,
  caller: MemberRecord,
  villageIds: readonly string[] | undefined,
): Promise<VillageRecord[]> {
  if (!villageIds) {
    const all = await villagesOfArea(deps, caller);
    if (all.length === 0) throw new DomainError('NOTICE.OUT_OF_SCOPE', 'the caller has no village');
    return all;
  }
  const found = await getMany(deps.store.collection('villages'), villageIds);
  const named = [...new Set(villageIds)].map((id) => found.get(id));
  if (named.some((v) => !v || !inArea(caller, v))) throw new DomainError('NOTICE.OUT_OF_SCOPE');
  return named as VillageRecord[];
}

/** Who published, in words: 驻村干部 赵明远, 石桥镇驻村办, 青禾县驻村办. */
export async function publisherOf(deps: Deps, caller: MemberRecord): Promise<string> {
  if (caller.role !== 'office') return `驻村干部 ${caller.name}`;
  if (caller.scopeLevel === 'township' && caller.townshipId) {
    const township = await deps.store.collection('townships').get(caller.townshipId);
    return `${township?.name ?? ''}驻村办`;
  }
  const county = await deps.store.collection('counties').get(caller.countyId);
  return `${county?.name ?? ''}驻村办`;
}
