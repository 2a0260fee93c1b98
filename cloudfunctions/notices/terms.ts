import { DEFAULT_AGRO_REGION, type AgroRegion } from '../../types/roster';
import type { noticesContract, TermPreview } from '../../types';
import { DomainError } from '../core/domain/errors';
import {
  agroRegionLabels,
  farmingNotice,
  isSolarTermId,
  nextSolarTerm,
  solarTermDate,
  solarTermOn,
  solarTerms,
  TERM_PUBLISH_HOUR,
  termNoticeBody,
  type SolarTermId,
} from '../core/domain/solar-terms';
import { CHINA_OFFSET_MS, chinaDate } from '../core/domain/time';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { hashId } from '../core/ids';
import { findAll } from '../core/paging';
import { getMany, MAX_PAGE } from '../core/ports/store';
import type { MemberRecord, NoticeRecord, VillageRecord } from '../core/records';
import { villageAudience, villagesOfArea } from './audience';
import { storeAndDeliver } from './deliver';

export const regionOf = (v: Pick<VillageRecord, 'agroRegion'>): AgroRegion => v.agroRegion ?? DEFAULT_AGRO_REGION;

/** One notice per village and term, so a re-run (or two at once) finds it written and publishes nothing new. */
export const termNoticeId = (year: number, termId: SolarTermId, villageId: string) => hashId(`term:${year}:${termId}:${villageId}`);
export const termNoteId = (villageId: string, year: number, termId: string) => `term-note:${villageId}:${year}:${termId}`;

const nameOf = (id: SolarTermId) => solarTerms.find((t) => t.id === id)!.name;

/** The term a preview is about: today's while its notice has not gone out, else the next one. */
function comingTerm(today: string): { id: SolarTermId; year: number; date: string } {
  const todays = solarTermOn(today);
  if (todays) return { id: todays.id, year: Number(today.slice(0, 4)), date: today };
  const next = nextSolarTerm(today);
  return { id: next.id, year: Number(next.date.slice(0, 4)), date: next.date };
}

/** The region most of the villages farm; on a tie, the first village's. */
function mainRegion(villages: readonly VillageRecord[]): AgroRegion {
  const counts = new Map<AgroRegion, number>();
  for (const v of villages) counts.set(regionOf(v), (counts.get(regionOf(v)) ?? 0) + 1);
  let best = villages.length > 0 ? regionOf(villages[0]) : DEFAULT_AGRO_REGION;
  for (const [region, n] of counts) if (n > (counts.get(best) ?? 0)) best = region;
  return best;
}

async function preview(deps: Deps, caller: MemberRecord, term: { id: SolarTermId; year: number; date: string }): Promise<TermPreview> {
  const villages = await villagesOfArea(deps, caller);
  const region = mainRegion(villages);
  const notice = farmingNotice(term.id, region);
  // A cadre's own village; an office sees the calendar's notice for the region, without a village's note.
  const village = caller.role === 'cadre' ? (villages[0] ?? null) : (villages.find((v) => regionOf(v) === region) ?? null);
  const [note, published] = village
    ? await Promise.all([
        caller.role === 'cadre' ? deps.store.collection('termNotes').get(termNoteId(village._id, term.year, term.id)) : null,
        deps.store.collection('notices').get(termNoticeId(term.year, term.id, village._id)),
      ])
    : [null, null];
  return {
    termId: term.id,
    termName: nameOf(term.id),
    year: term.year,
    date: term.date,
    regionLabel: agroRegionLabels[region],
    title: notice.title,
    advice: notice.advice,
    risks: notice.risks,
    localNote: note?.note || null,
    published: published !== null,
  };
}

/** The coming solar term's notice, and a cadre's line for their own fields, added before the term's day. */
export const termActions = {
  async previewTerm(_input, { deps, now, caller }) {
    return preview(deps, caller, comingTerm(chinaDate(now)));
  },

  async setTermNote({ termId, year, note }, { deps, now, caller }) {
    if (!isSolarTermId(termId) || !caller.villageId) throw new DomainError('COMMON.INVALID_INPUT', 'no such solar term');
    const date = solarTermDate(termId, year);
    // The notice goes out on the term's morning: from that day on, the note would come too late.
    if (date <= chinaDate(now)) throw new DomainError('NOTICE.TERM_PASSED');
    await deps.store.transaction(async (tx) => {
      const id = termNoteId(caller.villageId!, year, termId);
      const record = { villageId: caller.villageId!, year, termId, note, updatedBy: caller._id, updatedAt: now.toISOString() };
      if (await tx.get('termNotes', id)) await tx.update('termNotes', id, record);
      else await tx.add('termNotes', { _id: id, ...record });
    });
    return preview(deps, caller, { id: termId, year, date });
  },
} satisfies Partial<ActionsOf<typeof noticesContract>>;

/** The China-time hour of `now`. */
const chinaHour = (now: Date) => new Date(now.getTime() + CHINA_OFFSET_MS).getUTCHours();

/**
 * On a solar term's day, from TERM_PUBLISH_HOUR China time: the term's notice to every village of
 * each region, with the village's own note, told to its cadres. Villages are read a page at a time;
 * a village whose notice is already delivered costs nothing but its share of one read.
 */
export async function publishTermNotices(deps: Deps, now: Date): Promise<number> {
  const today = chinaDate(now);
  const term = solarTermOn(today);
  if (!term || chinaHour(now) < TERM_PUBLISH_HOUR) return 0;
  const year = Number(today.slice(0, 4));
  const villages = deps.store.collection('villages');
  let published = 0;
  for (let after: string | null = null; ;) {
    const page: VillageRecord[] = await villages.find(after === null ? {} : { _id: { $gt: after } }, {
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: MAX_PAGE,
    });
    const ids = page.map((v) => termNoticeId(year, term.id, v._id));
    const [done, notes] = await Promise.all([
      getMany(deps.store.collection('notices'), ids),
      getMany(
        deps.store.collection('termNotes'),
        page.map((v) => termNoteId(v._id, year, term.id)),
      ),
    ]);
    for (const v of page) {
      const id = termNoticeId(year, term.id, v._id);
      if (done.get(id)?.deliveredAt) continue;
      const advice = farmingNotice(term.id, regionOf(v));
      const at = now.toISOString();
      const notice: NoticeRecord = {
        _id: id,
        kind: 'farming',
        title: advice.title,
        body: termNoticeBody(advice, notes.get(termNoteId(v._id, year, term.id))?.note || null),
        level: null,
        warningType: null,
        start: null,
        end: null,
        sourceId: null,
        warningKey: null,
        villageIds: [v._id],
        // The village only: an office would otherwise list one copy per village of its area.
        audiences: [villageAudience(v._id)],
        publisherId: null,
        publisher: '节气农事提醒',
        publishedAt: at,
        updatedAt: at,
        cancelledAt: null,
        deliveredAt: null,
      };
      await storeAndDeliver(deps, now, notice, 'cadres');
      published++;
    }
    if (page.length < MAX_PAGE) return published;
    after = page[page.length - 1]._id;
  }
}

/** Every village's record, for the warning poll's locations (a county's or a township's villages). */
export const villagesOfCounty = (deps: Deps, countyId: string) => findAll(deps.store.collection('villages'), { countyId });
