import type { Task } from '../../types';
import { daysBetween, formatDay } from '../services/format';

/** Keeps a count with its number and unit on one line (还剩 3 天), never a lone 天 on the next. */
export const NBSP = '\u00a0';

export interface TaskDue {
  /** The whole sentence: 已逾期 3 天（12月1日到期）, 今天到期, 12月8日前完成，还剩 5 天… */
  text: string;
  /** Past its due date and still not done: said in `flag` too, never by colour alone. */
  overdue: boolean;
  /** The short word for the card's head when overdue: 已逾期 3 天. */
  flag: string | null;
  /** The sentence beside that flag, which says the rest: 10月31日到期; `text` when there is no flag. */
  rest: string;
}

/** Where a task stands against its due date, in words, by China's calendar day `today`. */
export function taskDue(task: Pick<Task, 'status' | 'dueDate' | 'windowStart'>, today: string): TaskDue {
  const plain = (text: string): TaskDue => ({ text, overdue: false, flag: null, rest: text });
  if (task.status === 'done') return plain('已完成');
  if (task.status === 'skipped') return plain('已跳过');
  const due = formatDay(task.dueDate, today);
  const left = daysBetween(today, task.dueDate);
  if (left < 0) {
    const flag = `已逾期${NBSP}${-left}${NBSP}天`;
    return { text: `${flag}（${due}到期）`, overdue: true, flag, rest: `${due}到期` };
  }
  // The function may call it overdue before the phone's clock does (a phone set a day behind).
  if (task.status === 'overdue') return { text: `已逾期（${due}到期）`, overdue: true, flag: '已逾期', rest: `${due}到期` };
  if (task.windowStart > today) return plain(`${formatDay(task.windowStart, today)}起可以走访，${due}前完成`);
  if (left === 0) return plain('今天到期');
  if (left === 1) return plain('明天到期');
  return plain(`${due}前完成，还剩${NBSP}${left}${NBSP}天`);
}

/** Kinds a household visit closes: their page offers 记走访, not 完成. */
export const visitKinds: ReadonlySet<Task['kind']> = new Set(['routine', 'phone', 'must_visit', 'festival', 'helper']);
/** Kinds closed by saying what was done (tasks.complete). */
export const completeKinds: ReadonlySet<Task['kind']> = new Set(['follow_up', 'township', 'care']);
