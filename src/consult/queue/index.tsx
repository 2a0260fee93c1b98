import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { consultsContract, consultViewSchema, type ConsultSummary, type ConsultView } from '../../../types/consults';
import { consultLink, routes } from '../../../types/routes';
import Cell, { CellGroup } from '../../components/cell';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import Tabs from '../../components/tabs';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import { go } from '../../services/navigate';
import ConsultCard from '../consult-card';
import '../consult.scss';

const emptyTexts: Record<ConsultView, { cadre: string; office: string }> = {
  open: { cadre: '村里没有等着办的求助', office: '没有超时或上报到镇里的求助' },
  done: { cadre: '还没有办结的求助', office: '还没有办结的求助' },
};

function ViewList({ view, office, onOverdue }: { view: ConsultView; office: boolean; onOverdue: (n: number) => void }) {
  const list = usePaged(
    async (page) => {
      const answer = await callCloud(consultsContract, 'assigned', { view, ...page });
      if (page.cursor === undefined) onOverdue(answer.overdue);
      return answer;
    },
    { cacheKey: `consult-queue:${view}` },
  );
  return (
    <PagedList<ConsultSummary>
      list={list}
      emptyText={emptyTexts[view][office ? 'office' : 'cadre']}
      keyOf={(c) => c.id}
      render={(c) => <ConsultCard consult={c} household={false} onOpen={() => void Taro.navigateTo({ url: consultLink(c.id) })} />}
    />
  );
}

/**
 * 待办求助: a cadre's village's requests, soonest deadline first so what is overdue leads; an office
 * sees its township's overdue and escalated ones (求助督办). `?view=done` opens the resolved ones.
 */
export default function ConsultQueue() {
  const profile = useProfile();
  const office = profile?.role === 'office';
  const [view, setView] = useState<ConsultView>(() => {
    const asked = consultViewSchema.safeParse(Taro.getCurrentInstance?.()?.router?.params?.view);
    return asked.success ? asked.data : 'open';
  });
  const [overdue, setOverdue] = useState<number | undefined>(undefined);
  // Back from a request just accepted or resolved: read the list afresh.
  const [round, setRound] = useState(0);
  useRefreshOnReturn(() => setRound((r) => r + 1));
  useEffect(() => {
    if (office) void Taro.setNavigationBarTitle({ title: '求助督办' }).catch(() => undefined);
  }, [office]);
  return (
    <PageShell className="consult-page consult-queue">
      <View className="muted intro">
        {office
          ? '各村超过期限还没办的求助，和超时后上报到镇里的求助。请督促，或转交给合适的人。'
          : '已超时的排在最前面，然后是快到期的。点一条查看、受理、回复或办结。'}
      </View>
      {overdue !== undefined && overdue > 0 && <View className="queue-overdue error-text">已超时 {overdue} 条，请先办这些</View>}
      <View className="queue-tabs">
        <Tabs
          unit="条已超时"
          tabs={[
            { key: 'open', label: office ? '待督办' : '待办', badge: overdue },
            { key: 'done', label: '已办结' },
          ]}
          value={view}
          onChange={setView}
        />
      </View>
      <ViewList key={`${view}:${round}`} view={view} office={office} onOverdue={setOverdue} />
      {office && (
        <CellGroup>
          <Cell title="法律援助便民服务卡" detail="县里的驻村办可以修改" onTap={go(routes.legalCard)} />
        </CellGroup>
      )}
    </PageShell>
  );
}
