import { noticeLink, urgentWarningLevels, warningLevelLabels } from '../../types';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import { isDuplicateId } from '../core/ports/store';
import type { MemberRecord, NoticeRecord, NoticeRowRecord } from '../core/records';
import { rowId } from './audience';

/** Everyone of the villages on the app (orange and red warnings, announcements), or only their cadres. */
export type Reach = 'everyone' | 'cadres';

/** Who a notice is for: everyone for an announcement or an orange or red warning; the cadres for the rest. */
export const reachOf = (n: Pick<NoticeRecord, 'kind' | 'level'>): Reach =>
  n.kind === 'announcement' || (n.kind === 'warning' && n.level !== null && urgentWarningLevels.includes(n.level)) ? 'everyone' : 'cadres';

/** A notice whose call stopped before everyone was told (a function's 60 s ran out) waits this long before the timer finishes it. */
const STUCK_MS = 5 * 60_000;
/** Notices finished per timer run: each may tell thousands. */
const FINISH_PER_RUN = 5;

/**
 * Finishes what a publishing call left undelivered: a red warning to a whole county can outlast the
 * function's 60 s, and the office may never retry it. Each step is idempotent, so nobody is told twice.
 */
export async function finishDeliveries(deps: Deps, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - STUCK_MS).toISOString();
  const stuck = await deps.store
    .collection('notices')
    .find(
      { deliveredAt: null, publishedAt: { $lt: cutoff } },
      { orderBy: [{ field: 'publishedAt', direction: 'asc' }], limit: FINISH_PER_RUN },
    );
  for (const notice of stuck) await storeAndDeliver(deps, now, notice, reachOf(notice));
  return stuck.length;
}

/** Notifications written at once: enough to tell a village in seconds, few enough not to flood the store. */
const IN_FLIGHT = 10;

const rowOf = (notice: NoticeRecord, audience: string): NoticeRowRecord => ({
  _id: rowId(notice._id, audience),
  noticeId: notice._id,
  audience,
  publishedAt: notice.publishedAt,
  pinned: notice.kind === 'warning' && notice.cancelledAt === null,
  end: notice.end,
});

async function addIfMissing<T>(write: () => Promise<T>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (!isDuplicateId(e)) throw e;
  }
}

/**
 * Stores a notice, lists it for every audience and tells the people `reach` names. Each step is
 * idempotent (fixed ids, dedupe keys) and `deliveredAt` is set last, so a retry, a second timer run
 * or two at once end with one notice and one notification each. Answers the stored notice.
 */
export async function storeAndDeliver(deps: Deps, now: Date, notice: NoticeRecord, reach: Reach): Promise<NoticeRecord> {
  const notices = deps.store.collection('notices');
  let stored = notice;
  try {
    await notices.add(notice);
  } catch (e) {
    if (!isDuplicateId(e)) throw e;
    stored = (await notices.get(notice._id)) ?? notice;
    if (stored.deliveredAt !== null) return stored;
  }
  const rows = deps.store.collection('noticeRows');
  await Promise.all(stored.audiences.map((a) => addIfMissing(() => rows.add(rowOf(stored, a)))));
  await tell(deps, stored, reach);
  const deliveredAt = now.toISOString();
  await notices.updateIf(stored._id, { deliveredAt: null }, { deliveredAt });
  return { ...stored, deliveredAt };
}

/** Keeps the listing rows in step with a warning that was updated or cancelled (pinned, end). */
export async function syncRows(deps: Deps, notice: NoticeRecord): Promise<void> {
  const rows = deps.store.collection('noticeRows');
  await Promise.all(
    notice.audiences.map(async (a) => {
      const row = rowOf(notice, a);
      const changed = await rows.updateIf(row._id, {}, { pinned: row.pinned, end: row.end });
      if (changed === 0) await addIfMissing(() => rows.add(row));
    }),
  );
}

const firstWords = (text: string, max: number) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

function message(notice: NoticeRecord): { title: string; body: string } {
  if (notice.kind === 'warning' && notice.cancelledAt !== null)
    return { title: `【已解除】${notice.title}`, body: '这个预警已经解除，可以照常生产生活了。' };
  switch (notice.kind) {
    case 'warning':
      return { title: `【${notice.level ? warningLevelLabels[notice.level] : '预警'}】${notice.title}`, body: firstWords(notice.body, 60) };
    case 'farming':
      return { title: `农事提醒：${notice.title}`, body: firstWords(notice.body, 60) };
    case 'announcement':
      return { title: `新通知：${notice.title}`, body: firstWords(notice.body, 60) };
  }
}

/** Who of one village `reach` names, bound users only (the others hear by phone or loudspeaker). */
async function recipients(deps: Deps, villageId: string, reach: Reach): Promise<MemberRecord[]> {
  const members = deps.store.collection('members');
  const found =
    reach === 'cadres'
      ? await findAll(members, { role: 'cadre', villageId })
      : (await findAll(members, { villageId })).filter((m) => m.role !== 'office');
  return found.filter((m) => m.openid !== null);
}

/**
 * Tells `reach` of the notice's villages, once per notice, member and level: an update that raises a
 * warning to red tells everyone again, a retry tells nobody twice. A cancelled warning tells them it
 * was lifted, once.
 */
export async function tell(deps: Deps, notice: NoticeRecord, reach: Reach): Promise<number> {
  const { title, body } = message(notice);
  const people = (await Promise.all(notice.villageIds.map((v) => recipients(deps, v, reach)))).flat();
  let told = 0;
  for (let i = 0; i < people.length; i += IN_FLIGHT) {
    const batch = people.slice(i, i + IN_FLIGHT);
    const sent = await Promise.all(
      batch.map((m) =>
        deps.notifier.notify({
          to: m._id,
          openid: m.openid,
          title,
          body,
          link: noticeLink(notice._id),
          dedupeKey: `notice:${notice._id}:${m._id}:${notice.cancelledAt !== null ? 'lifted' : (notice.level ?? notice.kind)}`,
          // A subscription message only for what cannot wait: an orange or red warning, not its lifting.
          nudge:
            notice.kind === 'warning' && notice.cancelledAt === null && notice.level !== null && urgentWarningLevels.includes(notice.level),
        }),
      ),
    );
    told += sent.filter(Boolean).length;
  }
  return told;
}
