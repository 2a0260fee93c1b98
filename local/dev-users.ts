import { findAll } from '../cloudfunctions/core/paging';
import { getMany, type Store } from '../cloudfunctions/core/ports/store';
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
  const users = await findAll(store.collection('users'), {});
  const villages = new Map((await findAll(store.collection('villages'), {})).map((v) => [v._id, v.name]));
  // One read per 100 users rather than one per user: with STORE_LATENCY_MS each read is a round trip.
  const members = await getMany(
    store.collection('members'),
    users.map((u) => u.memberId),
  );
  const list: DevUser[] = [];
  for (const u of users) {
    const m = members.get(u.memberId);
    if (!m) continue;
    list.push({
      openid: u._id,
      role: m.role,
      name: m.name,
      villageId: m.villageId,
      villageName: m.villageId ? (villages.get(m.villageId) ?? null) : null,
    });
  }
  return list;
}
