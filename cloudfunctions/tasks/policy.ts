import type { tasksContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import { chinaDate } from '../core/domain/time';
import { nextMonthStart, policyInForce, policySummary, visitPolicies } from '../core/domain/visit-policy';
import type { ActionsOf } from '../core/handler/define';
import type { MemberRecord, PolicySettingRecord } from '../core/records';
import { policySettingId, readPolicySetting } from './engine';

/** Only a county office chooses its county's rules: a township differs from its neighbours in nothing but its villages. */
const mayChoose = (caller: MemberRecord): boolean => caller.role === 'office' && caller.scopeLevel === 'county';

/** The switch still ahead of `today`, if any: once its day has come, it is simply the policy in force. */
const pending = (s: PolicySettingRecord | null, today: string) =>
  s && s.nextPresetId !== null && s.nextFrom !== null && s.nextFrom > today ? { presetId: s.nextPresetId, from: s.nextFrom } : null;

/** The county's visit policy (走访规则): read by all its staff, switched by its county office from the next month. */
export const policyActions = {
  async policy(_input, { deps, now, caller }) {
    const today = chinaDate(now);
    const setting = await readPolicySetting(deps, caller.countyId);
    return {
      current: policyInForce(setting, today).id,
      next: pending(setting, today),
      presets: Object.values(visitPolicies).map((p) => ({ id: p.id, label: p.label, summary: policySummary(p) })),
      canChange: mayChoose(caller),
    };
  },

  /**
   * Chooses the preset from the first day of next month: tasks already made for this period stay as they
   * are. Choosing the preset in force cancels a pending switch. One document per county, written in a
   * transaction, so two offices choosing at once leave one choice, not a mix.
   */
  async setPolicy({ presetId }, { deps, now, caller }) {
    if (!mayChoose(caller)) throw new DomainError('COMMON.FORBIDDEN', 'only a county office chooses the visit policy');
    if (!Object.prototype.hasOwnProperty.call(visitPolicies, presetId)) throw new DomainError('POLICY.NOT_FOUND');
    const today = chinaDate(now);
    const id = policySettingId(caller.countyId);
    return deps.store.transaction(async (tx) => {
      const before = await tx.get('settings', id);
      const current = policyInForce(before, today).id;
      const switching = presetId !== current;
      const from = switching ? nextMonthStart(today) : today;
      const fields: Omit<PolicySettingRecord, '_id'> = {
        presetId: current,
        nextPresetId: switching ? presetId : null,
        nextFrom: switching ? from : null,
        updatedBy: caller._id,
        updatedAt: now.toISOString(),
      };
      if (before) await tx.update('settings', id, fields);
      else await tx.add('settings', { _id: id, ...fields });
      return { presetId, from };
    });
  },
} satisfies Partial<ActionsOf<typeof tasksContract>>;
