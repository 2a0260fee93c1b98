import type { Deps } from '../core/handler/deps';
import { hashId } from '../core/ids';
import { isDuplicateId } from '../core/ports/store';
import type { SourceWarning } from '../core/ports/warnings';
import type { NoticeRecord, VillageRecord } from '../core/records';
import { fromSource, planWarning, replacedBy, warningKeyOf, type IncomingWarning, type WarningPlan } from '../core/domain/warnings';
import { audiencesOf } from './audience';
import { reachOf, storeAndDeliver, syncRows, tell } from './deliver';

export const sourceDocId = (sourceId: string) => hashId(`warning-source:${sourceId}`);

export type WarningOutcome = WarningPlan['kind'] | 'ignored';

/** The notice a warning id went into, if that id was handled before. */
export async function noticeOfSource(deps: Deps, sourceId: string): Promise<NoticeRecord | null> {
  const seen = await deps.store.collection('warningSources').get(sourceDocId(sourceId));
  return seen ? deps.store.collection('notices').get(seen.noticeId) : null;
}

/** A new warning's notice; the caller gives its id, publisher and villages. */
export function warningNotice(
  w: IncomingWarning,
  args: {
    id: string;
    villages: readonly VillageRecord[];
    publisher: string;
    publisherId: string | null;
    warningKey: string | null;
    now: Date;
  },
): NoticeRecord {
  return {
    _id: args.id,
    kind: 'warning',
    title: w.title,
    body: w.text,
    level: w.level ?? 'blue',
    warningType: w.type,
    start: w.start,
    end: w.end,
    sourceId: w.sourceId,
    warningKey: args.warningKey,
    villageIds: args.villages.map((v) => v._id),
    audiences: audiencesOf(args.villages),
    publisherId: args.publisherId,
    publisher: args.publisher,
    publishedAt: args.now.toISOString(),
    updatedAt: args.now.toISOString(),
    cancelledAt: null,
    deliveredAt: null,
  };
}

/**
 * Carries a plan out and records the warning id as handled, last, so a run that stopped half-way
 * is redone by the next (every step is idempotent). Answers the notice the warning is in, if any.
 */
export async function carryOut(
  deps: Deps,
  now: Date,
  w: IncomingWarning,
  plan: WarningPlan,
  fresh: () => NoticeRecord,
): Promise<NoticeRecord | null> {
  const notices = deps.store.collection('notices');
  let notice: NoticeRecord | null = null;
  switch (plan.kind) {
    case 'seen':
    case 'expired':
    case 'nothing-to-cancel':
      return null;
    case 'publish':
      // Orange and red go to every user of the villages at once; blue and yellow to the list and the cadres.
      notice = fresh();
      notice = await storeAndDeliver(deps, now, notice, reachOf(notice));
      break;
    case 'replace': {
      const patch = replacedBy(w, now);
      await notices.updateIf(plan.notice._id, {}, patch);
      notice = { ...plan.notice, ...patch };
      await syncRows(deps, notice);
      if (plan.renotify) await tell(deps, notice, 'everyone');
      break;
    }
    case 'withdraw': {
      const patch = { cancelledAt: now.toISOString(), updatedAt: now.toISOString() };
      await notices.updateIf(plan.notice._id, { cancelledAt: null }, patch);
      notice = { ...plan.notice, ...patch };
      await syncRows(deps, notice);
      // Whoever was told of it hears that it is over: a family that left a low-lying house for a
      // red rainstorm waits for this.
      await tell(deps, notice, reachOf(notice));
      break;
    }
  }
  try {
    await deps.store
      .collection('warningSources')
      .add({ _id: sourceDocId(w.sourceId), sourceId: w.sourceId, noticeId: notice._id, status: w.status, handledAt: now.toISOString() });
  } catch (e) {
    if (!isDuplicateId(e)) throw e;
  }
  return notice;
}

/** The warning a provider's update or cancel replaces: the one it names, else the latest in force of the same sender and type. */
async function earlierOf(deps: Deps, src: SourceWarning, typeName: string): Promise<NoticeRecord | null> {
  if (src.related) {
    const named = await noticeOfSource(deps, src.related);
    if (named) return named;
  }
  const [latest] = await deps.store
    .collection('notices')
    .find(
      { warningKey: warningKeyOf(src.sender, typeName), cancelledAt: null },
      { orderBy: [{ field: 'publishedAt', direction: 'desc' }], limit: 1 },
    );
  return latest ?? null;
}

/** One of the provider's warnings, for the villages of the locations that reported it. */
export async function applyProviderWarning(
  deps: Deps,
  now: Date,
  src: SourceWarning,
  villages: readonly VillageRecord[],
): Promise<WarningOutcome> {
  const converted = fromSource(src);
  if (!converted.ok) {
    deps.log.info(`[notices.tick] warning ${src.id} (${src.title}) left out: ${converted.reason}`);
    return 'ignored';
  }
  const w = converted.warning;
  const seen = await deps.store.collection('warningSources').get(sourceDocId(w.sourceId));
  const earlier = !seen && w.status !== 'active' ? await earlierOf(deps, src, w.type) : null;
  const plan = planWarning(w, { seen: seen !== null, earlier, now });
  if (villages.length === 0 && plan.kind === 'publish') return 'ignored';
  await carryOut(deps, now, w, plan, () =>
    warningNotice(w, {
      // Fixed by the provider's id: two polls at once write the same notice, and one of them wins.
      id: hashId(`warning:${w.sourceId}`),
      villages,
      publisher: src.sender || '气象部门',
      publisherId: null,
      warningKey: warningKeyOf(src.sender, w.type),
      now,
    }),
  );
  return plan.kind;
}
