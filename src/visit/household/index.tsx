import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { householdCategoryLabels, routes, taskLink, type HouseholdPage } from '../../../types';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Cell, { CellGroup } from '../../components/cell';
import EmptyState from '../../components/empty-state';
import NoticeBar from '../../components/notice-bar';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import { chinaToday, formatTime } from '../../services/format';
import { go } from '../../services/navigate';
import { taskDue } from '../due';
import TaskCard from '../task-card';
import VisitCard from '../visit-card';
import { householdCacheKey } from './keys';
import { useMoreVisits } from './more-visits';
import '../visit.scss';
import './index.scss';
import { visitsContract } from '../../../types/visits';

const householdId = (): string => Taro.getCurrentInstance?.()?.router?.params?.id ?? '';

function Facts({ page }: { page: HouseholdPage }) {
  const h = page.household;
  return (
    <View className="card household-facts">
      <View className="household-head">
        <Text className="title">{h.headName}家</Text>
        <Text className="badge">{householdCategoryLabels[h.category]}</Text>
        {h.livesAway && <Text className="badge is-away">不在村，电话回访</Text>}
      </View>
      <View>
        {h.villageName} {h.address}
      </View>
      <View className="small muted">
        {h.size} 口人 · 电话 {h.phone}
      </View>
    </View>
  );
}

function FollowUps({ page, today }: { page: HouseholdPage; today: string }) {
  if (page.followUps.length === 0) return null;
  return (
    <CellGroup title="待跟进的问题">
      {page.followUps.map((f) => {
        // A follow-up may be done any day until its due date.
        const due = taskDue({ status: f.status, dueDate: f.dueDate, windowStart: today }, today);
        return (
          <Cell
            key={f.id}
            title={f.text}
            detail={`${f.owner}跟进 · ${due.text}`}
            label={`${f.text}，${f.owner}跟进，${due.text}`}
            onTap={go(taskLink(f.id))}
          />
        );
      })}
    </CellGroup>
  );
}

/** 结对帮扶记录本: a household's facts, its helpers, what is open for it and every visit, newest first. */
export default function Household() {
  const [id] = useState(householdId);
  const page = useLoad(() => callCloud(visitsContract, 'household', { householdId: id }), { cacheKey: householdCacheKey(id) });
  // Back from the visit log or the report form: the new visit and tasks must show.
  useRefreshOnReturn(page.reload);
  const profile = useProfile();
  const more = useMoreVisits(id, page.data?.visits);
  const today = chinaToday();
  const data = page.data;
  if (!id) {
    return (
      <PageShell className="visit-page household">
        <StateView loading={false} error="没有找到这一户，请从走访任务里重新打开" />
      </PageShell>
    );
  }
  // Offices read the record book; cadres and helpers write in it.
  const writes = profile !== null && profile.role !== 'office';
  const visits = data ? [...data.visits.items, ...more.items] : [];
  return (
    <PageShell className="visit-page household">
      {page.offline && (
        <NoticeBar kind="offline">网络不通，下面是{page.savedAt ? ` ${formatTime(page.savedAt)} ` : '上次'}保存的内容</NoticeBar>
      )}
      {data && (
        <>
          <Facts page={data} />
          {writes && (
            <View className="household-actions">
              <BigButton onTap={go(`${routes.visitLog}?householdId=${encodeURIComponent(id)}`)}>记一次走访</BigButton>
              <BigButton kind="secondary" onTap={go(`${routes.reportEvent}?householdId=${encodeURIComponent(id)}`)}>
                家里有事，请干部来
              </BigButton>
              {profile.role === 'cadre' && (
                <BigButton kind="secondary" onTap={go(`${routes.consultNew}?householdId=${encodeURIComponent(id)}`)}>
                  代为求助（找干部帮忙）
                </BigButton>
              )}
            </View>
          )}
          <CellGroup title="帮扶责任人">
            {data.helpers.length === 0 ? (
              <Cell title="还没有结对的帮扶责任人" />
            ) : (
              data.helpers.map((h) => <Cell key={h.id} title={h.name} value={h.phone} />)
            )}
          </CellGroup>
          {data.cadres.length > 0 && (
            <CellGroup title="驻村干部">
              {data.cadres.map((c) => (
                <Cell key={c.id} title={c.name} value={c.phone} />
              ))}
            </CellGroup>
          )}
          {data.openTasks.length > 0 && (
            <View className="household-section">
              <View className="small muted section-head">待办的走访任务</View>
              {data.openTasks.map((t) => (
                <TaskCard key={t.id} task={t} today={today} showHousehold={false} onOpen={go(taskLink(t.id))} />
              ))}
            </View>
          )}
          <FollowUps page={data} today={today} />
          <View className="household-section" {...a11y('region', '走访记录')}>
            <View className="small muted section-head">走访记录</View>
            {visits.length === 0 && <EmptyState text="还没有走访记录" />}
            {visits.map((v) => (
              <VisitCard key={v.id} visit={v} today={today} />
            ))}
            <StateView loading={more.loading} error={more.error} onRetry={more.loadMore} />
            {more.hasMore && !more.loading && !more.error && (
              <BigButton kind="secondary" onTap={more.loadMore}>
                查看更早的走访
              </BigButton>
            )}
          </View>
        </>
      )}
      <StateView loading={page.loading && !data} error={page.error} onRetry={page.reload} />
    </PageShell>
  );
}
