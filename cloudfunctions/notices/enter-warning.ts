import type { noticesContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import { planWarning, type IncomingWarning } from '../core/domain/warnings';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { hashId, requestDocId } from '../core/ids';
import type { MemberRecord, NoticeRecord } from '../core/records';
import { maySee, publisherOf, targetVillages } from './audience';
import { reachOf, storeAndDeliver } from './deliver';
import { toNotice } from './notice-view';
import { ownStored } from './publish';
import { carryOut, noticeOfSource, sourceDocId, warningNotice } from './warning-flow';

/** The warning an update or cancel names, by a source id it had or by the notice's id; only one the office may see. */
async function namedWarning(deps: Deps, caller: MemberRecord, ref: string | undefined): Promise<NoticeRecord> {
  const found = ref ? ((await noticeOfSource(deps, ref)) ?? (await deps.store.collection('notices').get(ref))) : null;
  if (!found || found.kind !== 'warning' || !maySee(caller, found)) throw new DomainError('NOTICE.NOT_FOUND');
  return found;
}

/**
 * An office relays a warning it received by phone or fax, under the rules the provider's warnings
 * follow: one id is published once, an update replaces the notice it names, a cancel withdraws it.
 */
export const enterWarningActions = {
  async enterWarning(input, { deps, now, openid, caller }) {
    const status = input.status ?? 'active';
    const request = requestDocId(openid, input.requestId ?? deps.ids.id());
    const warning = (sourceId: string): IncomingWarning => ({
      sourceId,
      status,
      level: input.level,
      type: input.type,
      title: input.title,
      text: input.text,
      start: new Date(Date.parse(input.start)).toISOString(),
      end: new Date(Date.parse(input.end)).toISOString(),
      publishedAt: now.toISOString(),
    });

    if (status === 'active') {
      const earlier = await deps.store.collection('notices').get(request);
      if (earlier) {
        return toNotice(await storeAndDeliver(deps, now, ownStored(earlier, caller), reachOf(earlier)), false, now);
      }
      // A new warning's id defaults to the request's, so the same request entered twice is one warning.
      const sourceId = input.sourceId ?? request;
      const already = await noticeOfSource(deps, sourceId);
      if (already) {
        if (!maySee(caller, already)) throw new DomainError('NOTICE.NOT_FOUND');
        return toNotice(already, false, now);
      }
      const villages = await targetVillages(deps, caller, input.villageIds);
      const w = warning(sourceId);
      const plan = planWarning(w, { seen: false, earlier: null, now });
      if (plan.kind === 'expired') throw new DomainError('NOTICE.ALREADY_OVER');
      const publisher = await publisherOf(deps, caller);
      const notice = await carryOut(deps, now, w, plan, () =>
        warningNotice(w, { id: request, villages, publisher, publisherId: caller._id, warningKey: null, now }),
      );
      return toNotice(notice!, false, now);
    }

    const target = await namedWarning(deps, caller, input.sourceId);
    // The update's own id: a retry of the same request finds it handled and changes nothing.
    const sourceId = hashId(`manual:${request}`);
    const seen = (await deps.store.collection('warningSources').get(sourceDocId(sourceId))) !== null;
    if (status === 'update' && target.cancelledAt !== null && !seen) throw new DomainError('NOTICE.NOT_FOUND', 'the warning was cancelled');
    const w = warning(sourceId);
    const plan = planWarning(w, { seen, earlier: target, now });
    const notice = await carryOut(deps, now, w, plan, () => target);
    return toNotice(notice ?? (await deps.store.collection('notices').get(target._id)) ?? target, false, now);
  },
} satisfies Partial<ActionsOf<typeof noticesContract>>;
