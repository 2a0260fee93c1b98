import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { taskLink, taskTabLabels, taskTabSchema, type Task, type TaskCounts, type TaskTab } from '../../types';
import PagedList from '../components/paged-list';
import Tabs from '../components/tabs';
import { usePaged, useRefreshOnReturn } from '../hooks/use-cloud';
import { callCloud } from '../services/cloud';
import { chinaToday } from '../services/format';
import { readTaskCounts, writeTaskCounts } from '../services/task-counts';
import TaskCard from './task-card';
import { tasksContract } from '../../types/tasks';

const emptyTexts: Record<TaskTab, string> = {
  today: '今天没有要走访的户',
  week: '这一周没有要走访的户',
  overdue: '没有逾期的任务',
  all: '没有待办的走访任务',
};

/** The tab a link asked for (`?tab=overdue`), else `fallback`. */
function tabFromLaunch(fallback: TaskTab): TaskTab {
  const asked = taskTabSchema.safeParse(Taro.getCurrentInstance?.()?.router?.params?.tab);
  return asked.success ? asked.data : fallback;
}

function TabList({ tab, onCounts }: { tab: TaskTab; onCounts: (c: TaskCounts) => void }) {
  const list = usePaged(
    async (page) => {
      const answer = await callCloud(tasksContract, 'list', { tab, ...page });
      if (page.cursor === undefined) onCounts(answer.counts);
      return answer;
    },
    { cacheKey: `tasks:${tab}` },
  );
  const today = chinaToday();
  return (
    <PagedList<Task>
      list={list}
      emptyText={emptyTexts[tab]}
      keyOf={(t) => t.id}
      render={(t) => <TaskCard task={t} today={today} onOpen={() => void Taro.navigateTo({ url: taskLink(t.id) })} />}
    />
  );
}

interface Props {
  /** The tabs in the order shown. */
  order: readonly TaskTab[];
  /** The tab shown first unless a link asks for another. */
  initial: TaskTab;
  intro: string;
}

/**
 * The caller's tasks under tabs with their counts: overdue first, then must-visits, then by due date
 * (the function's order). Each tab's first page is kept for reading offline.
 */
export default function TaskList({ order, initial, intro }: Props) {
  const [tab, setTab] = useState(() => tabFromLaunch(initial));
  const [counts, setCounts] = useState<TaskCounts | null>(readTaskCounts);
  const received = useCallback((c: TaskCounts) => {
    setCounts(c);
    writeTaskCounts(c);
  }, []);
  // Back from a task just done or skipped, the list must no longer show it: read it afresh. Here and
  // not in TabList, which mounts again on each change of tab and would take its first show for the page's.
  const [round, setRound] = useState(0);
  useRefreshOnReturn(() => setRound((r) => r + 1));
  return (
    <View>
      <View className="muted intro">{intro}</View>
      <View className="task-tabs">
        <Tabs
          unit="项"
          tabs={order.map((key) => ({ key, label: taskTabLabels[key], badge: counts?.[key] }))}
          value={tab}
          onChange={setTab}
        />
      </View>
      <TabList key={`${tab}:${round}`} tab={tab} onCounts={received} />
    </View>
  );
}
