import type { consultsContract } from '../../types';
import { lowerCounter } from '../core/counters';
import { applyConsultAction, CONSULT_THREAD_MAX, speaksForHousehold, type ConsultAction } from '../core/domain/consult';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { requestDocId } from '../core/ids';
import type { ConsultMessageRecord, ConsultRecord, MemberRecord } from '../core/records';
import { actorOf, changeConsult, stateOf, visibleConsult } from './change';
import { handlersOf, householdVillagers, tell, titleOf } from './notify';
import { openConsultsKey } from './submit';
import { checkText } from './text';
import { personLabel, toDetail } from './view';

/**
 * Asks the rules before the content check, so a caller who may not act, or a request that moved on,
 * is answered without sending the text anywhere.
 */
async function allowed(deps: Deps, id: string, action: ConsultAction, caller: MemberRecord, now: Date): Promise<ConsultRecord> {
  const r = await visibleConsult(deps, id, caller);
  applyConsultAction(stateOf(r), action, actorOf(caller), now);
  return r;
}

/** A full thread takes no more replies; "not solved" still adds its reason, as each needs a resolve first. */
function roomFor(r: ConsultRecord): void {
  if (r.thread.length >= CONSULT_THREAD_MAX)
    throw new DomainError('CONSULT.BAD_TRANSITION', `the thread holds ${CONSULT_THREAD_MAX} messages`);
}

/** The household's people who answer 问题解决了吗？: its bound villagers, and the cadre who entered it for them. */
async function answerers(deps: Deps, r: ConsultRecord): Promise<Pick<MemberRecord, '_id' | 'openid'>[]> {
  const villagers = await householdVillagers(deps, r.householdId);
  const cadre = r.enteredBy ? await deps.store.collection('members').get(r.enteredBy) : null;
  return cadre ? [...villagers, cadre] : villagers;
}

/** The conversation, 办结, and the household's answer to 问题解决了吗？ */
export const threadActions = {
  async reply({ id, text, requestId }, { deps, now, openid, caller }) {
    const before = await allowed(deps, id, { kind: 'reply' }, caller, now);
    // A retried reply (same request id) is answered with the thread as the first attempt left it.
    const messageId = requestDocId(openid, requestId ?? deps.ids.id());
    if (before.thread.some((m) => m.id === messageId)) return toDetail(deps, before, caller, now);
    roomFor(before);
    await checkText(deps, text, openid, 'reply');
    let message: ConsultMessageRecord | null = null;
    const change = await changeConsult(deps, id, { kind: 'reply' }, caller, now, {
      patch: (r) => {
        if (r.thread.some((m) => m.id === messageId)) return {};
        roomFor(r);
        message = {
          id: messageId,
          at: now.toISOString(),
          authorId: caller._id,
          fromHousehold: speaksForHousehold(caller, stateOf(r)),
          text,
        };
        return { thread: [...r.thread, message] };
      },
    });
    const sent = message as ConsultMessageRecord | null;
    if (sent) {
      const key = `reply:${sent.id}`;
      if (sent.fromHousehold) {
        await tell(
          deps,
          await handlersOf(deps, change.after),
          change.after,
          key,
          {
            title: '求助有新留言',
            body: `群众在${titleOf(change.after)}求助里留言了，请查看。`,
          },
          caller._id,
        );
      } else {
        await tell(
          deps,
          await answerers(deps, change.after),
          change.after,
          key,
          {
            title: '干部回复了您的求助',
            body: `${personLabel(caller)}在您家的${titleOf(change.after)}求助里回复了，请查看。`,
          },
          caller._id,
        );
      }
    }
    return toDetail(deps, change.after, caller, now);
  },

  async resolve({ id, note }, { deps, now, openid, caller }) {
    const action = { kind: 'resolve', note } as const;
    await allowed(deps, id, action, caller, now);
    await checkText(deps, note, openid, 'resolve');
    const change = await changeConsult(deps, id, action, caller, now);
    await tell(
      deps,
      await answerers(deps, change.after),
      change.after,
      `resolve:${change.event!.at}`,
      {
        title: '问题解决了吗？',
        body: `${personLabel(caller)}说您家的${titleOf(change.after)}求助已经办好了。问题解决了吗？请告诉我们。`,
      },
      caller._id,
    );
    return toDetail(deps, change.after, caller, now);
  },

  async confirm({ id, solved, reason }, { deps, now, openid, caller }) {
    const action = { kind: 'confirm', solved, reason: reason ?? null } as const;
    await allowed(deps, id, action, caller, now);
    if (!solved) await checkText(deps, reason!, openid, 'confirm');
    const change = await changeConsult(deps, id, action, caller, now, {
      // "Not solved" carries on the conversation: the reason is the household's next message.
      patch: (r) =>
        solved
          ? {}
          : {
              thread: [
                ...r.thread,
                { id: `reopen-${now.getTime()}`, at: now.toISOString(), authorId: caller._id, fromHousehold: true, text: reason! },
              ],
            },
      // Closing frees the household's place under its cap, in the same transaction.
      inTx: async (tx, r, next) => {
        if (next.status === 'closed') await lowerCounter(tx, openConsultsKey(r.householdId), now);
      },
    });
    const handlers = await handlersOf(deps, change.after);
    const key = `${change.event!.action}:${change.event!.at}`;
    await tell(
      deps,
      handlers,
      change.after,
      key,
      solved
        ? { title: '群众确认已解决', body: `${titleOf(change.after)}求助的群众说问题解决了，这件事已完成。` }
        : { title: '问题还没解决', body: `${titleOf(change.after)}求助的群众说还没解决，请打开看看原因。` },
      caller._id,
    );
    return toDetail(deps, change.after, caller, now);
  },
} satisfies Partial<ActionsOf<typeof consultsContract>>;
