import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { consultsContract, type ConsultSummary } from '../../../types/consults';
import { consultLink, routes } from '../../../types/routes';
import BigButton from '../../components/big-button';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { go } from '../../services/navigate';
import ConsultCard from '../consult-card';
import '../consult.scss';

/** 我的求助: the household's requests, open ones first, each with its status and deadline in words. */
export default function MyConsults() {
  const list = usePaged((page) => callCloud(consultsContract, 'mine', page), { cacheKey: 'my-consults' });
  // Back from a request just answered or confirmed: its status must show.
  useRefreshOnReturn(list.reload);
  return (
    <PageShell className="consult-page my-consults">
      {list.items.length > 0 && (
        <View className="my-consults-new">
          <BigButton kind="secondary" onTap={go(routes.consultNew)}>
            ＋ 再找干部帮忙
          </BigButton>
        </View>
      )}
      <PagedList<ConsultSummary>
        list={list}
        emptyText="您家还没有找干部帮过忙。写信、填表、看病、办证、问政策，都可以请驻村干部帮忙。"
        emptyAction={<BigButton onTap={go(routes.consultNew)}>找干部帮忙</BigButton>}
        keyOf={(c) => c.id}
        render={(c) => <ConsultCard consult={c} household onOpen={() => void Taro.navigateTo({ url: consultLink(c.id) })} />}
      />
    </PageShell>
  );
}
