import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes, wishLink, wishStatusLabels, type MyClaim } from '../../../types';
import BigButton from '../../components/big-button';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { go } from '../../services/navigate';
import WishCard from '../wish-card';
import { dueText } from './due';
import './index.scss';
import { wishesContract } from '../../../types/wishes';

function ClaimDue({ claim }: { claim: MyClaim }) {
  if (claim.status !== 'claimed') return <View className="claim-state">{wishStatusLabels[claim.status]}</View>;
  const due = dueText(claim.claimDueAt);
  return (
    <View className={`claim-due ${due.overdue ? 'is-overdue' : ''}`}>
      {due.overdue && <Text className="claim-overdue-word">已逾期 </Text>}
      <Text>{due.text}</Text>
    </View>
  );
}

/** 我认领的: the caller's claims with their due dates, and the way to report each delivered. */
export default function MyClaims() {
  const list = usePaged((page) => callCloud(wishesContract, 'myClaims', page), { cacheKey: 'my-claims' });
  useRefreshOnReturn(list.reload);
  return (
    <PageShell className="my-claims">
      <PagedList<MyClaim>
        list={list}
        emptyText="您还没有认领心愿。到心愿墙看看谁家需要帮忙。"
        emptyAction={<BigButton onTap={go(routes.wishWall)}>去心愿墙</BigButton>}
        keyOf={(c) => c.id}
        render={(c) => (
          <WishCard wish={c} onOpen={() => void Taro.navigateTo({ url: wishLink(routes.wish, c.id) })}>
            <ClaimDue claim={c} />
            {c.status === 'claimed' && (
              <BigButton label={`已送达，去填写：${c.summary}`} onTap={go(wishLink(routes.fulfil, c.id))}>
                已送达，去填写
              </BigButton>
            )}
          </WishCard>
        )}
      />
    </PageShell>
  );
}
