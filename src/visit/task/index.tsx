import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { taskKindLabels, taskStatusLabels, type TaskDetail } from '../../../types';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import { chinaToday, formatDay } from '../../services/format';
import { taskDue } from '../due';
import { TaskFlags } from '../task-card';
import TaskActions from './actions';
import TaskHistory from './history';
import '../task-card.scss';
import '../visit.scss';
import './index.scss';
import { tasksContract } from '../../../types/tasks';

const taskId = (): string => Taro.getCurrentInstance?.()?.router?.params?.id ?? '';

function Facts({ task, today }: { task: TaskDetail; today: string }) {
  const due = taskDue(task, today);
  const who = task.householdLabel || task.villageName;
  return (
    <View className={`card task-facts ${task.urgent ? 'is-urgent' : ''}`}>
      <TaskFlags task={task} today={today} />
      <View className="title task-who">{who}</View>
      {task.title && task.title !== who && task.title !== taskKindLabels[task.kind] && <View className="task-title">{task.title}</View>}
      {/* A must-visit's title carries the reporter's note already. */}
      {task.note && !task.title.includes(task.note) && <View className="task-note">“{task.note}”</View>}
      <View className={`task-due ${due.overdue ? 'is-overdue' : ''}`}>{due.rest}</View>
      <View className="small muted">
        走访时间：{formatDay(task.windowStart, today)} 至 {formatDay(task.dueDate, today)}
      </View>
      <View className="small muted">
        {who === task.villageName ? '' : `${task.villageName} · `}由{task.assignee}负责 · {taskStatusLabels[task.status]}
      </View>
    </View>
  );
}

/** One task: who and why, by when, what happened to it, and what the caller may do now. */
export default function VisitTask() {
  const [id] = useState(taskId);
  const detail = useLoad(() => callCloud(tasksContract, 'detail', { id }), { cacheKey: `task:${id}` });
  // Back from the visit log: a logged visit has closed the task.
  useRefreshOnReturn(detail.reload);
  const profile = useProfile();
  const overlay = useOverlay();
  const today = chinaToday();
  const task = detail.data;
  if (!id) {
    return (
      <PageShell className="visit-page visit-task">
        <StateView loading={false} error="没有找到这项任务，请从走访任务里重新打开" />
      </PageShell>
    );
  }
  return (
    <PageShell className="visit-page visit-task" overlay={overlay}>
      {detail.offline && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      {task && (
        <>
          <Facts task={task} today={today} />
          {!detail.offline && <TaskActions task={task} role={profile?.role ?? null} overlay={overlay} onChanged={detail.reload} />}
          <TaskHistory events={task.history} />
        </>
      )}
      <StateView loading={detail.loading && !task} error={detail.error} onRetry={detail.reload} />
    </PageShell>
  );
}
