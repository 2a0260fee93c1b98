import { consultLink, consultTypeLabels } from '../../types';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import type { ConsultRecord, MemberRecord } from '../core/records';

type Recipient = Pick<MemberRecord, '_id' | 'openid'>;

/** The villagers of a household who have bound WeChat: they read the inbox. */
export async function householdVillagers(deps: Deps, householdId: string): Promise<MemberRecord[]> {
  const members = await findAll(deps.store.collection('members'), { householdId, role: 'villager' });
  return members.filter((m) => m.openid !== null);
}

export const villageCadres = (deps: Deps, villageId: string): Promise<MemberRecord[]> =>
  findAll(deps.store.collection('members'), { role: 'cadre', villageId });

/** Whoever handles the request: its assignee, or the village's cadres while it is the team's. */
export async function handlersOf(deps: Deps, r: Pick<ConsultRecord, 'assigneeId' | 'villageId'>): Promise<Recipient[]> {
  if (r.assigneeId === null) return villageCadres(deps, r.villageId);
  const m = await deps.store.collection('members').get(r.assigneeId);
  return m ? [m] : villageCadres(deps, r.villageId);
}

/** The office users who hear of a township's escalations: its own office, else the county's. */
export async function officeUsersFor(deps: Deps, place: { townshipId: string; countyId: string }): Promise<MemberRecord[]> {
  const members = deps.store.collection('members');
  const township = (await findAll(members, { role: 'office', townshipId: place.townshipId })).filter((m) => m.scopeLevel === 'township');
  if (township.length > 0) return township;
  return (await findAll(members, { role: 'office', countyId: place.countyId })).filter((m) => m.scopeLevel === 'county');
}

/** How a request is named in a notification: its type, never the household's own words. */
export const titleOf = (r: Pick<ConsultRecord, 'type'>): string => `「${consultTypeLabels[r.type]}」`;

/**
 * Tells each recipient once: `key` names the request and the step (an event's instant, a message's
 * id, a deadline), and the recipient is added, so a retried request or a second timer run stores
 * nothing twice. Nobody is told of their own step.
 */
export async function tell(
  deps: Deps,
  to: readonly Recipient[],
  r: Pick<ConsultRecord, '_id'>,
  key: string,
  message: { title: string; body: string },
  except: string | null = null,
): Promise<number> {
  const unique = [...new Map(to.filter((m) => m._id !== except).map((m) => [m._id, m])).values()];
  const sent = await Promise.all(
    unique.map((m) =>
      deps.notifier.notify({
        ...message,
        link: consultLink(r._id),
        to: m._id,
        openid: m.openid,
        dedupeKey: `consult:${r._id}:${key}:${m._id}`,
      }),
    ),
  );
  return sent.filter(Boolean).length;
}
