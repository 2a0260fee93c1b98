import type { TaskEventView } from '../../../types';
import History from '../../components/history';

/** What each step of a task is called on its page. */
export const taskEventLabels: Record<TaskEventView['action'], string> = {
  create: '生成任务',
  done: '已完成',
  skip: '跳过',
  reschedule: '改期',
  overdue: '过了期限，已逾期',
  escalate: '超期未访，上报镇里',
  remind: '发送提醒',
};

/** Every step of the task, oldest first, with who did it and the reason they gave. */
export default function TaskHistory({ events }: { events: readonly TaskEventView[] }) {
  return <History events={events} labels={taskEventLabels} />;
}
