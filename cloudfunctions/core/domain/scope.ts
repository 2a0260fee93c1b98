import type { Role } from '../../../types';
import type { MemberRecord } from '../records';

type Placed = Pick<MemberRecord, 'villageId' | 'townshipId' | 'countyId'>;

/** Whether `actor`'s area of responsibility contains `target`'s place. */
export function covers(actor: Pick<MemberRecord, 'scopeLevel'> & Placed, target: Placed): boolean {
  switch (actor.scopeLevel) {
    case 'village':
      return actor.villageId !== null && target.villageId === actor.villageId;
    case 'township':
      return actor.townshipId !== null && target.townshipId === actor.townshipId;
    case 'county':
      return target.countyId === actor.countyId;
  }
}

/** Cadres bring in the villagers and helpers of their village; offices anyone in their area. */
const invitableBy: Record<Role, readonly Role[]> = {
  villager: [],
  helper: [],
  cadre: ['villager', 'helper'],
  office: ['villager', 'helper', 'cadre', 'office'],
};

export const mayInvite = (actor: MemberRecord, target: MemberRecord): boolean =>
  invitableBy[actor.role].includes(target.role) && covers(actor, target);
