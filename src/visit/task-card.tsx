import { Text, View } from '@tarojs/components';
import { taskKindLabels, type Task } from '../../types';
import { a11y } from '../components/a11y';
import { taskDue } from './due';
import './task-card.scss';

/** What marks a task, each in words: 紧急 for a must-visit, 已逾期 N 天, 已上报镇里. */
export function TaskFlags({ task, today }: { task: Task; today: string }) {
  const due = taskDue(task, today);
  return (
    <View className="task-flags">
      {task.urgent && <Text className="task-flag is-urgent">紧急</Text>}
      {due.flag && <Text className="task-flag is-overdue">{due.flag}</Text>}
      {task.escalated && <Text className="task-flag is-escalated">已上报镇里</Text>}
      <Text className="badge">{taskKindLabels[task.kind]}</Text>
    </View>
  );
}

/**
 * A task in a list: who to visit, why, by when. Urgent and overdue tasks carry a coloured edge that
 * only repeats what their words say. The whole card is one tap target that opens the task.
 */
interface Props {
  task: Task;
  today: string;
  onOpen: () => void;
  /** False on the household's own page, which names the household already. */
  showHousehold?: boolean;
}

export default function TaskCard({ task, today, onOpen, showHousehold = true }: Props) {
  const due = taskDue(task, today);
  const what = task.title || taskKindLabels[task.kind];
  const who = showHousehold ? task.householdLabel || task.villageName : what;
  return (
    <View
      className={`card task-card ${task.urgent ? 'is-urgent' : ''} ${due.overdue ? 'is-overdue' : ''}`}
      // Named by its own words (flags, who, what, by when), read in order.
      {...a11y('button')}
      onClick={onOpen}
    >
      <TaskFlags task={task} today={today} />
      <View className="task-card-who">{who}</View>
      {what !== who && what !== taskKindLabels[task.kind] && <View className="task-card-title">{what}</View>}
      <View className={`task-card-due ${due.overdue ? 'is-overdue' : ''}`}>{due.rest}</View>
      <View className="small muted">
        {!showHousehold || who === task.villageName ? '' : `${task.villageName} · `}
        {task.assignee}
      </View>
    </View>
  );
}
