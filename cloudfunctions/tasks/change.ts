import type { tasksContract } from '../../types';
import type { TaskAction } from '../core/domain/tasks';
import { chinaDate } from '../core/domain/time';
import type { ActionContext, ActionsOf } from '../core/handler/define';
import { mayChange } from './access';
import { changeStoredTask } from './change-task';
import { toTaskViews } from './task-view';

async function change({ deps, now, caller }: ActionContext<true>, id: string, action: TaskAction) {
  const today = chinaDate(now);
  const after = await changeStoredTask(deps, id, action, today, (t) => mayChange(caller, t));
  const [view] = await toTaskViews(deps, [after], caller, today);
  return view;
}

/** Putting a task aside with a reason (household away, in hospital…), moving it, or closing one no visit closes. */
export const changeActions = {
  skip: ({ id, reason }, ctx) => change(ctx, id, { kind: 'skip', by: ctx.caller._id, at: ctx.now.toISOString(), note: reason }),

  reschedule: ({ id, dueDate, reason }, ctx) =>
    change(ctx, id, { kind: 'reschedule', by: ctx.caller._id, at: ctx.now.toISOString(), note: reason, dueDate }),

  complete: ({ id, note }, ctx) => change(ctx, id, { kind: 'complete', by: ctx.caller._id, at: ctx.now.toISOString(), note }),
} satisfies Partial<ActionsOf<typeof tasksContract>>;
