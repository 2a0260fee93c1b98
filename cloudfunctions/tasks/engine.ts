import type { TaskStatus } from '../../types';
import type { Gen } from '../core/domain/tasks';
import { chinaDate } from '../core/domain/time';
import { policyInForce, type VisitPolicy } from '../core/domain/visit-policy';
import type { Deps } from '../core/handler/deps';
import { hashId } from '../core/ids';
import type { PolicySettingRecord } from '../core/records';

/** The statuses of a task still to do; `open` past its due date reads as overdue. */
export const OPEN_STATUSES: TaskStatus[] = ['open', 'overdue'];

/** What the pure task engine is handed: China's date, the instant, and the id hash. */
export const genOf = (now: Date): Gen => ({ today: chinaDate(now), now: now.toISOString(), hash: hashId });

export const policySettingId = (countyId: string): string => `visit-policy:${countyId}`;

export const readPolicySetting = (deps: Deps, countyId: string): Promise<PolicySettingRecord | null> =>
  deps.store.collection('settings').get(policySettingId(countyId));

/** The county's visit policy on `today`: its chosen preset, the next one from its date, or the default. */
export async function policyFor(deps: Deps, countyId: string, today: string): Promise<VisitPolicy> {
  return policyInForce(await readPolicySetting(deps, countyId), today);
}
