import { consultTargets, type ConsultActor, type ConsultMember, type ConsultState } from './consult';
import type { ConsultStatus } from '../../../types/consults';
import { aMember } from './domain.fixtures';

/** People and requests of one village (v1 of t1, c1) for the consult rules' tests. */
export const SUBMITTED = '2026-11-24T02:00:00.000Z';
export const later = (hours: number) => new Date(Date.parse(SUBMITTED) + hours * 3_600_000);

export const villager = aMember({ _id: 'm-v', role: 'villager', householdId: 'h1' });
export const neighbour = aMember({ _id: 'm-n', role: 'villager', householdId: 'h2' });
export const cadre = aMember({ _id: 'm-c', role: 'cadre' });
export const cadre2 = aMember({ _id: 'm-c2', role: 'cadre' });
export const otherCadre = aMember({ _id: 'm-oc', role: 'cadre', villageId: 'v2', scopeId: 'v2' });
export const helper = aMember({ _id: 'm-h', role: 'helper', pairedHouseholdIds: ['h1'] });
export const township = aMember({ _id: 'm-t', role: 'office', scopeLevel: 'township', scopeId: 't1', villageId: null });
export const otherTownship = aMember({
  _id: 'm-t2',
  role: 'office',
  scopeLevel: 'township',
  scopeId: 't2',
  villageId: null,
  townshipId: 't2',
});
export const county = aMember({ _id: 'm-k', role: 'office', scopeLevel: 'county', scopeId: 'c1', villageId: null, townshipId: null });
export const otherCounty = aMember({
  _id: 'm-k2',
  role: 'office',
  scopeLevel: 'county',
  scopeId: 'c2',
  villageId: null,
  townshipId: null,
  countyId: 'c2',
});

export const as = (m: ConsultMember): ConsultActor => ({ kind: 'member', member: m });
export const system: ConsultActor = { kind: 'system' };

export const aConsult = (s: Partial<ConsultState> = {}): ConsultState => ({
  type: 'forms',
  status: 'submitted',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  householdId: 'h1',
  assigneeId: null,
  assigneeRole: null,
  enteredBy: null,
  ...consultTargets('forms', new Date(SUBMITTED)),
  acceptedAt: null,
  resolvedAt: null,
  resolution: null,
  escalatedAt: null,
  closedAt: null,
  ...s,
});
/** A request in `status` as the rules would have left it, handled by the cadre. */
export const inStatus = (status: ConsultStatus, s: Partial<ConsultState> = {}): ConsultState =>
  aConsult({
    status,
    ...(status !== 'submitted' ? { assigneeId: cadre._id, assigneeRole: 'cadre', acceptedAt: later(1).toISOString() } : {}),
    ...(status === 'resolved' || status === 'closed' ? { resolvedAt: later(2).toISOString(), resolution: '表格已经交上去了' } : {}),
    ...(status === 'closed' ? { closedAt: later(3).toISOString() } : {}),
    ...s,
  });

export const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};
