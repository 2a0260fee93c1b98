import { findAll, type Store } from '../cloudfunctions/core/ports/store';
import type { MemberRecord, UserRecord, VillageRecord } from '../cloudfunctions/core/records';
import type { Role } from '../types';

export interface DevUser {
  openid: string;
  role: Role;
  name: string;
  villageId: string | null;
  /** Null for office users, who act for a township or county rather than a village. */
  villageName: string | null;
}

/** Every bound WeChat identity in the store, for the stand-in's demo-user picker. */
export async function listDevUsers(store: Store): Promise<DevUser[]> {
  const users = await findAll(store.collection<UserRecord>('users'), {});
  const villages = new Map((await findAll(store.collection<VillageRecord>('villages'), {})).map((v) => [v._id, v.name]));
  const members = store.collection<MemberRecord>('members');
  const list: DevUser[] = [];
  for (const u of users) {
    const m = await members.get(u.memberId);
    if (!m) continue;
    list.push({ openid: u._id, role: m.role, name: m.name, villageId: m.villageId, villageName: m.villageId ? (villages.get(m.villageId) ?? null) : null });
  }
  return list;
}
