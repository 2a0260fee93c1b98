import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { householdCategoryLabels, householdLink, type HouseholdRow } from '../../../types';
import { a11y } from '../../components/a11y';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import { chinaToday, daysBetween, formatDay } from '../../services/format';
import { NBSP } from '../due';
import '../visit.scss';
import '../task-card.scss';
import './index.scss';
import { visitsContract } from '../../../types/visits';

/** The next visit in words; overdue said in words first (已逾期 N 天), the colour only repeats it. */
export function nextVisitText(row: Pick<HouseholdRow, 'nextDue' | 'overdue'>, today: string): { text: string; overdue: boolean } {
  if (row.nextDue === null) return { text: '暂时没有要走访的任务', overdue: false };
  const left = daysBetween(today, row.nextDue);
  if (row.overdue || left < 0)
    return { text: left < 0 ? `已逾期${NBSP}${-left}${NBSP}天（${formatDay(row.nextDue, today)}到期）` : '已逾期', overdue: true };
  if (left === 0) return { text: '今天要走访', overdue: false };
  return { text: `下次走访：${formatDay(row.nextDue, today)}前，还剩${NBSP}${left}${NBSP}天`, overdue: false };
}

function Row({ row, today }: { row: HouseholdRow; today: string }) {
  const next = nextVisitText(row, today);
  return (
    <View
      className={`card household-row ${next.overdue ? 'is-overdue' : ''}`}
      // Named by its own words (name, category, address, next visit), read in order.
      {...a11y('button')}
      onClick={() => void Taro.navigateTo({ url: householdLink(row.id) })}
    >
      <View className="household-row-head">
        <Text className="household-row-name">{row.headName}家</Text>
        <Text className="badge">{householdCategoryLabels[row.category]}</Text>
        {row.livesAway && <Text className="badge is-away">不在村</Text>}
        {row.urgent && <Text className="task-flag is-urgent">紧急</Text>}
      </View>
      <View className="small muted">{row.address}</View>
      <View className={`household-row-next ${next.overdue ? 'is-overdue' : ''}`}>{next.text}</View>
      <View className="small muted">{row.lastVisitedOn ? `上次走访：${formatDay(row.lastVisitedOn, today)}` : '还没有走访记录'}</View>
    </View>
  );
}

/** 我的结对户 for a helper, 本村农户 for a cadre: soonest due first, each opening its record book. */
export default function MyHouseholds() {
  const list = usePaged((page) => callCloud(visitsContract, 'households', page), { cacheKey: 'my-households' });
  useRefreshOnReturn(list.reload);
  const profile = useProfile();
  const cadre = profile?.role === 'cadre';
  useEffect(() => {
    if (cadre) void Taro.setNavigationBarTitle({ title: '本村农户' });
  }, [cadre]);
  const today = chinaToday();
  return (
    <PageShell className="visit-page my-households">
      <View className="muted intro">
        {cadre ? '本村各户，最该去走访的排在前面。' : '和您结对帮扶的户，最该去走访的排在前面。'}点一户查看帮扶记录、记走访。
      </View>
      <PagedList<HouseholdRow>
        list={list}
        emptyText={cadre ? '本村花名册里还没有农户' : '您还没有结对帮扶的户，请联系驻村干部'}
        keyOf={(r) => r.id}
        render={(r) => <Row row={r} today={today} />}
      />
    </PageShell>
  );
}
