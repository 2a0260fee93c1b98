import { parseQWeatherAnswer } from '../../cloudfunctions/core/adapters/qweather-warning-answer';
import type { WarningSource } from '../../cloudfunctions/core/ports/warnings';
import type { MemberRecord } from '../../cloudfunctions/core/records';
import { makeWorld, type World } from './world';

/**
 * The shared world (杏花村 and 柳溪村 of 石桥镇, 远山村 of another township, all of 青禾县) with what
 * the notice tests need beyond it: the county office, a cadre of 远山村 (which farms the Qinghai
 * plateau), and a warning source the test sets per location, as QWeather would answer.
 */
export const noticePeople = {
  countyOffice: {
    _id: 'm-noc',
    role: 'office',
    name: '钱主任',
    villageId: null,
    townshipId: null,
    scopeLevel: 'county',
    scopeId: 'c-qinghe',
  },
  farCadre: {
    _id: 'm-nfc',
    role: 'cadre',
    name: '郑远航',
    villageId: 'v-far',
    townshipId: 't-far',
    scopeId: 'v-far',
    phone: '100-0000-0099',
  },
} satisfies Record<string, Partial<MemberRecord> & Pick<MemberRecord, '_id' | 'role' | 'name'>>;
export type NoticePerson = keyof typeof noticePeople;
export const asNoticePerson = (who: NoticePerson) => `wx-${noticePeople[who]._id}`;

export interface NoticeWorld extends World {
  /** What the warning source answers per location code: QWeather answers (checked as the adapter checks them), or a failure. */
  feed: Map<string, unknown>;
}

export async function makeNoticeWorld(): Promise<NoticeWorld> {
  const w = await makeWorld();
  await w.store.collection('townships').add({ _id: 't-far', name: '远山镇', countyId: 'c-qinghe' });
  await w.store.collection('villages').updateIf('v-far', {}, { agroRegion: 'qinghai_plateau' });
  const base = (await w.store.collection('members').get('m-ca'))!;
  for (const p of Object.values(noticePeople)) {
    const openid = `wx-${p._id}`;
    await w.store.collection('members').add({ ...base, title: null, unit: null, ...p, openid });
    await w.store.collection('users').add({ _id: openid, memberId: p._id, boundAt: '2026-11-01T00:00:00.000Z' });
  }
  const feed = new Map<string, unknown>();
  const source: WarningSource = {
    async current(location) {
      const answer = feed.get(location);
      if (answer instanceof Error) throw answer;
      return answer === undefined ? [] : parseQWeatherAnswer(answer, location);
    },
  };
  w.deps.warnings = source;
  return Object.assign(w, { feed });
}
