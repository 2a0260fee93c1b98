import { consultRules, type Cursor } from '../../types';
import { mapLimit } from '../core/concurrency';
import { lowerCounter } from '../core/counters';
import { isDomainError } from '../core/domain/errors';
import type { TimerImpl } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import { MAX_PAGE, type Order, type Where } from '../core/ports/store';
import type { ConsultRecord, MemberRecord } from '../core/records';
import { changeConsult } from './change';
import { handlersOf, householdVillagers, officeUsersFor, tell, titleOf } from './notify';
import { openConsultsKey } from './submit';

/** Store calls in flight at once: each is a round trip on CloudBase. */
const IN_FLIGHT = 8;

/**
 * Visits the requests matching `where` in the order of `order.field`, a page of at most 99 at a time,
 * up to the last whose value is before `until`: one range read of an index per page.
 */
async function forEachBefore(
  deps: Deps,
  where: Where<ConsultRecord>,
  order: Order<ConsultRecord> & { field: 'dueAt' | 'resolvedAt' },
  until: string,
  visit: (page: ConsultRecord[]) => Promise<void>,
): Promise<void> {
  for (let cursor: Cursor | undefined; ;) {
    const page = await keysetPage(deps.store.collection('consults'), where, order, { cursor, limit: MAX_PAGE - 1 });
    const due = page.items.filter((r) => (r[order.field] ?? '') < until);
    if (due.length > 0) await visit(due);
    if (!page.nextCursor || due.length < page.items.length) return;
    cursor = JSON.parse(page.nextCursor) as Cursor;
  }
}

/** A refusal by the rules means another run (or a person) got there first: nothing to do. */
async function unlessRefused(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (isDomainError(e)) return 0;
    throw e;
  }
}

/**
 * Tells the handler once per deadline that it has passed: the notification first (a dedupe key per
 * request, deadline and person, so a second or concurrent run tells nobody twice), then the mark,
 * only if the deadline is still the one read.
 */
async function markOverdue(deps: Deps, r: ConsultRecord): Promise<number> {
  if (r.overdueNotifiedFor === r.dueAt) return 0;
  const first = r.status === 'submitted';
  await tell(deps, await handlersOf(deps, r), r, `overdue:${r.dueAt}`, {
    title: first ? '求助超时未受理' : '求助超时未办结',
    body: `${titleOf(r)}求助已过${first ? '受理' : '办结'}时限，请尽快处理。`,
  });
  return deps.store
    .collection('consults')
    .updateIf(r._id, { dueAt: r.dueAt, overdueNotifiedFor: r.overdueNotifiedFor }, { overdueNotifiedFor: r.dueAt });
}

/** Passes an overdue request up to the township office (the county's where the township has none), once. */
async function escalate(
  deps: Deps,
  r: ConsultRecord,
  now: Date,
  officesOf: (r: ConsultRecord) => Promise<MemberRecord[]>,
): Promise<number> {
  if (r.escalatedAt !== null) return 0;
  const [offices, villages] = await Promise.all([officesOf(r), deps.store.collection('villages').get(r.villageId)]);
  await tell(deps, offices, r, 'escalated', {
    title: '求助逾期，请督办',
    body: `${villages?.name ?? ''}一户群众的${titleOf(r)}求助已过时限未办，请督促。`,
  });
  return unlessRefused(async () => ((await changeConsult(deps, r._id, { kind: 'escalate' }, null, now)).event ? 1 : 0));
}

/** Closes a resolved request nobody answered within autoCloseDays, freeing its place under the household's cap. */
async function autoClose(deps: Deps, r: ConsultRecord, now: Date): Promise<number> {
  return unlessRefused(async () => {
    const change = await changeConsult(deps, r._id, { kind: 'auto_close' }, null, now, {
      inTx: (tx, rec) => lowerCounter(tx, openConsultsKey(rec.householdId), now),
    });
    await tell(deps, await householdVillagers(deps, r.householdId), change.after, 'auto_close', {
      title: '求助已自动完成',
      body: `您家的${titleOf(r)}求助办结后 ${consultRules.autoCloseDays} 天没有回复，已自动完成。如果还有问题，可以再提一次。`,
    });
    return 1;
  });
}

/**
 * Every hour: requests past their deadline are marked overdue for their handler (once per deadline)
 * and passed to the township office (once); resolved requests nobody answered close by themselves.
 * Every step is idempotent, so two runs, or two at once, leave the same state and one notification each.
 */
export const hourly: TimerImpl = async ({ deps, now }) => {
  const at = now.toISOString();
  let overdue = 0;
  let escalated = 0;
  let closed = 0;
  // A township's office users, read once per run: a county's overdue requests share a few townships.
  const offices = new Map<string, Promise<MemberRecord[]>>();
  const officesOf = (r: ConsultRecord) => {
    if (!offices.has(r.townshipId)) offices.set(r.townshipId, officeUsersFor(deps, r));
    return offices.get(r.townshipId)!;
  };
  await forEachBefore(deps, { open: true }, { field: 'dueAt', direction: 'asc' }, at, async (page) => {
    const done = await mapLimit(
      page,
      IN_FLIGHT,
      async (r) => [await markOverdue(deps, r), await escalate(deps, r, now, officesOf)] as const,
    );
    for (const [o, e] of done) {
      overdue += o;
      escalated += e;
    }
  });
  // Due once autoCloseDays have passed since it was resolved, to the millisecond (the rules' autoCloseAt).
  const cutoff = new Date(now.getTime() - consultRules.autoCloseDays * 24 * 60 * 60 * 1000 + 1).toISOString();
  await forEachBefore(deps, { status: 'resolved' }, { field: 'resolvedAt', direction: 'asc' }, cutoff, async (page) => {
    const done = await mapLimit(page, IN_FLIGHT, (r) => autoClose(deps, r, now));
    closed += done.reduce((n, d) => n + d, 0);
  });
  return { overdue, escalated, closed };
};
