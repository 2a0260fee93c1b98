import type { noticesContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import { requestDocId } from '../core/ids';
import type { MemberRecord, NoticeRecord } from '../core/records';
import { audiencesOf, publisherOf, targetVillages, villagesOfArea } from './audience';
import { reachOf, storeAndDeliver } from './deliver';
import { toNotice } from './notice-view';

/** A retry answers what the first attempt stored, and only to the member who stored it. */
export function ownStored(notice: NoticeRecord, caller: MemberRecord): NoticeRecord {
  if (notice.publisherId !== caller._id) throw new DomainError('COMMON.INVALID_INPUT', 'request id belongs to another member');
  return notice;
}

/**
 * A cadre publishes to their village, an office to the villages of its area (all of them when none
 * are named). Announcements reach every user of the villages; a local farming tip their cadres.
 */
export const publishActions = {
  /** The villages the caller may send to: a cadre's own, an office's area's, by name. */
  async villages(_input, { deps, caller }) {
    const villages = await villagesOfArea(deps, caller);
    return { items: villages.map((v) => ({ id: v._id, name: v.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')) };
  },

  async publish({ kind, title, body, villageIds, requestId }, { deps, now, openid, caller }) {
    const id = requestDocId(openid, requestId ?? deps.ids.id());
    const notices = deps.store.collection('notices');
    const earlier = await notices.get(id);
    const reach = reachOf({ kind, level: null });
    // A retry of a request whose first attempt stopped half-way finishes it; one that finished answers it.
    if (earlier) return toNotice(await storeAndDeliver(deps, now, ownStored(earlier, caller), reach), false, now);
    const villages = await targetVillages(deps, caller, villageIds);
    if ((await deps.content.check(`${title}\n${body}`, openid)) === 'risky') throw new DomainError('CONTENT.REJECTED');
    const at = now.toISOString();
    const notice: NoticeRecord = {
      _id: id,
      kind,
      title,
      body,
      level: null,
      warningType: null,
      start: null,
      end: null,
      sourceId: null,
      warningKey: null,
      villageIds: villages.map((v) => v._id),
      audiences: audiencesOf(villages),
      publisherId: caller._id,
      publisher: await publisherOf(deps, caller),
      publishedAt: at,
      updatedAt: at,
      cancelledAt: null,
      deliveredAt: null,
    };
    const stored = await storeAndDeliver(deps, now, notice, reach);
    return toNotice(ownStored(stored, caller), false, now);
  },
} satisfies Partial<ActionsOf<typeof noticesContract>>;
