import type { consultsContract } from '../../types';
import { consultCan, isEligibleAssignee, type ConsultMember, type ConsultState } from '../core/domain/consult';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import type { MemberRecord } from '../core/records';
import { changeConsult, stateOf, visibleConsult } from './change';
import { householdVillagers, officeUsersFor, tell, titleOf } from './notify';
import { personLabel, toDetail } from './view';
import { checkText } from './text';

/** Whom a request may be handed to: the village's cadres and the office users over its township. */
async function candidates(deps: Deps, s: ConsultState): Promise<{ members: MemberRecord[]; townshipHasOffice: boolean }> {
  const [cadres, offices] = await Promise.all([
    findAll(deps.store.collection('members'), { role: 'cadre', villageId: s.villageId }),
    officeUsersFor(deps, s),
  ]);
  const townshipHasOffice = offices.some((m) => m.scopeLevel === 'township');
  return { members: [...cadres, ...offices], townshipHasOffice };
}

const nameOf = (m: Pick<MemberRecord, 'name' | 'title'>): string => (m.title ? `${m.name}（${m.title}）` : m.name);

/** Reading a request, taking it on and handing it over. */
export const handleActions = {
  async get({ id }, { deps, now, caller }) {
    return toDetail(deps, await visibleConsult(deps, id, caller), caller, now);
  },

  async accept({ id }, { deps, now, caller }) {
    const change = await changeConsult(deps, id, { kind: 'accept' }, caller, now);
    await tell(deps, await householdVillagers(deps, change.after.householdId), change.after, `accept:${change.event!.at}`, {
      title: '求助已受理',
      body: `${personLabel(caller)}已受理您家的${titleOf(change.after)}求助，会尽快和您联系。`,
    });
    return toDetail(deps, change.after, caller, now);
  },

  async assignees({ id }, { deps, caller }) {
    const s = stateOf(await visibleConsult(deps, id, caller));
    if (!consultCan(caller, s).assign) throw new DomainError('COMMON.FORBIDDEN', 'only those who may hand it over ask whom to');
    const { members, townshipHasOffice } = await candidates(deps, s);
    return {
      items: members
        .filter((m) => m._id !== caller._id && isEligibleAssignee(m, s, townshipHasOffice))
        .map((m) => ({ memberId: m._id, name: m.name, title: m.title, role: m.role as 'cadre' | 'office' })),
    };
  },

  async assign({ id, toMemberId, note }, { deps, now, caller, openid }) {
    const s = stateOf(await visibleConsult(deps, id, caller));
    // The household reads the note in the history, the new assignee in a notification.
    if (note) await checkText(deps, note, openid, 'assign');
    const [to, { townshipHasOffice }] = await Promise.all([deps.store.collection('members').get(toMemberId), candidates(deps, s)]);
    // Someone who does not exist is no better an assignee than someone out of reach.
    const target: ConsultMember = to ?? {
      _id: toMemberId,
      role: 'villager',
      scopeLevel: 'village',
      villageId: null,
      townshipId: null,
      countyId: '',
      householdId: null,
    };
    const change = await changeConsult(deps, id, { kind: 'assign', to: target, note: note ? note : null }, caller, now, {
      townshipHasOffice,
    });
    const key = `assign:${change.event!.at}`;
    await Promise.all([
      tell(deps, [to!], change.after, key, {
        title: '有一件求助转交给您',
        body: `${personLabel(caller)}把${titleOf(change.after)}求助转交给您${change.after.status === 'submitted' ? '，请受理' : '办理'}。${note ? `说明：${note}` : ''}`,
      }),
      tell(deps, await householdVillagers(deps, change.after.householdId), change.after, key, {
        title: '求助已转交',
        body: `您家的${titleOf(change.after)}求助已转交给${nameOf(to!)}办理。`,
      }),
    ]);
    return toDetail(deps, change.after, caller, now);
  },
} satisfies Partial<ActionsOf<typeof consultsContract>>;
