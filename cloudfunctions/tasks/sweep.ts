import { taskKindLabels, taskLink } from '../../types';
import { mapLimit } from '../core/concurrency';
import { changeTask, isTaskChangeError, needsEscalation, type Gen } from '../core/domain/tasks';
import type { Deps } from '../core/handler/deps';
import { shiftDay } from '../core/domain/visit-policy';
import { getMany, type Where } from '../core/ports/store';
import type { MemberRecord, TaskRecord } from '../core/records';
import { patchOf } from './change-task';
import { OPEN_STATUSES } from './engine';
import { officeUsersFor } from './households';
import { forEachByDue, IN_FLIGHT } from './sweep-pages';

/**
 * Writes `next` over `t` only if nobody changed `t` since it was read (its updatedAt is the same): a
 * person's change or a concurrent run of the timer wins, and history is never written twice.
 */
const writeIfUnchanged = (deps: Deps, t: TaskRecord, next: TaskRecord, also: Where<TaskRecord> = {}) =>
  deps.store.collection('tasks').updateIf(t._id, { ...also, updatedAt: t.updatedAt }, patchOf(next));

/** Marks those of `tasks` still open past their due date as overdue, each only if nobody changed it since it was read. */
export async function markOverdue(deps: Deps, tasks: readonly TaskRecord[], g: Gen): Promise<number> {
  const done = await mapLimit(
    tasks.filter((t) => t.status === 'open' && t.dueDate < g.today),
    IN_FLIGHT,
    async (t) => {
      const next = changeTask(t, { kind: 'overdue', at: g.now }, g.today);
      return isTaskChangeError(next) || next === t ? 0 : writeIfUnchanged(deps, t, next, { status: 'open' });
    },
  );
  return done.reduce<number>((n, d) => n + d, 0);
}

/**
 * Passes each missed must-visit (and caring for a cadre) up to the township office, or to the county
 * office where the township has none, once: the office is told first (a dedupe key per task and
 * person, so a second run or a concurrent one tells nobody twice), then the task is marked escalated
 * if nobody changed it meanwhile. A run cut short between the two tells again next morning, deduped.
 */
export async function escalate(deps: Deps, countyId: string, g: Gen): Promise<number> {
  const offices = new Map<string, Promise<MemberRecord[]>>();
  const officesOf = (t: TaskRecord) => {
    if (!offices.has(t.townshipId)) offices.set(t.townshipId, officeUsersFor(deps, t));
    return offices.get(t.townshipId)!;
  };
  let escalated = 0;
  const visit = async (page: TaskRecord[]) => {
    const missed = page.filter((t) => needsEscalation(t, g.today));
    if (missed.length === 0) return;
    const [households, villages] = await Promise.all([
      getMany(
        deps.store.collection('households'),
        missed.flatMap((t) => (t.householdId ? [t.householdId] : [])),
      ),
      getMany(
        deps.store.collection('villages'),
        missed.map((t) => t.villageId),
      ),
    ]);
    const done = await mapLimit(missed, IN_FLIGHT, async (t) => {
      const next = changeTask(t, { kind: 'escalate', at: g.now }, g.today);
      if (isTaskChangeError(next) || next === t) return 0;
      const village = villages.get(t.villageId)?.name ?? '';
      const who = t.householdId ? `${households.get(t.householdId)?.headName ?? ''}户` : '';
      await Promise.all(
        (await officesOf(t)).map((m) =>
          deps.notifier.notify({
            to: m._id,
            openid: m.openid,
            title: `${taskKindLabels[t.kind]}逾期未办`,
            body: `${village}${who}的${taskKindLabels[t.kind]}（${t.title}）应在 ${t.dueDate} 前完成，至今未办，请督促。`,
            link: taskLink(t._id),
            dedupeKey: `task-escalated:${t._id}:${m._id}`,
          }),
        ),
      );
      return writeIfUnchanged(deps, t, next, { escalatedAt: null });
    });
    escalated += done.reduce<number>((n, d) => n + d, 0);
  };
  for (const status of OPEN_STATUSES) {
    await forEachByDue(deps.store.collection('tasks'), { countyId, status, urgent: true }, shiftDay(g.today, -1), visit);
  }
  return escalated;
}
