import { roleLabels, type noticesContract, type Readers } from '../../types';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import { getMany } from '../core/ports/store';
import type { MemberRecord, VillageRecord } from '../core/records';
import { inArea, visibleNotice } from './audience';

/** The people a village's notice is for: its villagers, helpers and cadres (offices read it as staff). */
const isVillageMember = (m: MemberRecord) => m.role !== 'office';

async function villageReaders(deps: Deps, noticeId: string, village: VillageRecord) {
  const [members, reads] = await Promise.all([
    findAll(deps.store.collection('members'), { villageId: village._id }),
    findAll(deps.store.collection('noticeReads'), { noticeId, villageId: village._id }),
  ]);
  const readBy = new Set(reads.map((r) => r.memberId));
  const people = members.filter(isVillageMember);
  return { village, people, unread: people.filter((m) => !readBy.has(m._id)) };
}

/**
 * Who of the villages has read a notice, for their cadres and the offices over them: the count, and
 * by name who has not, so a cadre can phone them (a villager's household phone) or use the loudspeaker.
 * A cadre sees their own village; an office the notice's villages in its area.
 */
export const readersActions = {
  async readers({ id }, { deps, caller }): Promise<Readers> {
    const notice = await visibleNotice(deps, caller, id);
    const villages = await getMany(deps.store.collection('villages'), notice.villageIds);
    const mine = notice.villageIds.flatMap((v) => {
      const village = villages.get(v);
      return village && inArea(caller, village) ? [village] : [];
    });
    const perVillage = await Promise.all(mine.map((v) => villageReaders(deps, id, v)));
    const unread = perVillage.flatMap((v) => v.unread.map((m) => ({ member: m, village: v.village })));
    const households = await getMany(
      deps.store.collection('households'),
      unread.flatMap(({ member }) => (member.householdId ? [member.householdId] : [])),
    );
    const total = perVillage.reduce((n, v) => n + v.people.length, 0);
    return {
      read: total - unread.length,
      total,
      unread: unread
        .map(({ member, village }) => {
          const household = member.householdId ? households.get(member.householdId) : undefined;
          return {
            memberId: member._id,
            name: member.name,
            villageName: village.name,
            label: household ? household.address : roleLabels[member.role],
            phone: household ? household.phone : member.phone || null,
            bound: member.openid !== null,
          };
        })
        // By village and house number: the order a cadre walks or phones them in.
        .sort((a, b) => a.villageName.localeCompare(b.villageName, 'zh') || a.label.localeCompare(b.label, 'zh')),
    };
  },
} satisfies Partial<ActionsOf<typeof noticesContract>>;
