import { consultsHandler as consults } from '../../cloudfunctions/consults/handler';
import { inboxHandler as inbox } from '../../cloudfunctions/inbox/handler';
import type { MemberRecord } from '../../cloudfunctions/core/records';
import { dataOf, makeWorld, people, type World } from './world';

/** Beside the shared world's people: a second cadre of 杏花村 (for handovers) and a county office. */
export const consultPeople = {
  cadreA2: { ...people.cadreA, _id: 'm-ca2', name: '钱晓燕', title: '驻村工作队员', openid: 'wx-m-ca2' },
  countyOffice: {
    ...people.office,
    _id: 'm-oc',
    name: '钱主任',
    scopeLevel: 'county',
    scopeId: 'c-qinghe',
    townshipId: null,
    openid: 'wx-m-oc',
  },
} satisfies Record<string, MemberRecord>;

export interface ConsultWorld extends World {
  /** Calls consults as someone of the shared world or of consultPeople. */
  consult(who: Parameters<World['call']>[1] | keyof typeof consultPeople, action: string, input?: unknown): ReturnType<World['call']>;
  /** Submits a 代填表格 request for villagerA's household and answers its id. */
  submitted(text?: string): Promise<string>;
  /** The titles of a member's inbox, oldest first. */
  inboxOf(memberId: string): Promise<string[]>;
}

export async function makeConsultWorld(): Promise<ConsultWorld> {
  const w = await makeWorld();
  for (const m of Object.values(consultPeople)) {
    await w.store.collection('members').add(m);
    await w.store.collection('users').add({ _id: m.openid, memberId: m._id, boundAt: '2026-11-01T00:00:00.000Z' });
  }
  const openidOf = (who: string) => (who in consultPeople ? consultPeople[who as keyof typeof consultPeople].openid : who);
  const consult: ConsultWorld['consult'] = (who, action, input) => w.call(consults, who === null ? null : openidOf(who), action, input);
  return {
    ...w,
    consult,
    async submitted(text = '想请干部帮忙填一下医保报销的表格') {
      return dataOf(await consult('villagerA', 'submit', { type: 'forms', text, consent: true })).id as string;
    },
    async inboxOf(memberId) {
      const found = await w.store.collection('inbox').find({ to: memberId }, { orderBy: [{ field: 'createdAt', direction: 'asc' }] });
      return found.map((n) => n.title);
    },
  };
}

export { consults, inbox };
