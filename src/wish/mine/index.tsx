import { Text, View } from '@tarojs/components';
import { routes, wishCategoryLabels, wishLink, wishStatusLabels, type OwnWish } from '../../../types';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import Steps from '../../components/steps';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { go } from '../../services/navigate';
import { wishProgress, wishStages } from './progress';
import './index.scss';
import { wishesContract } from '../../../types/wishes';

export default function MyWishes() {
  const list = usePaged((page) => callCloud(wishesContract, 'mine', page), { cacheKey: 'my-wishes@2' });
  useRefreshOnReturn(list.reload);
  return (
    <PageShell className="my-wishes">
      <PagedList<OwnWish>
        list={list}
        emptyText="您还没有提交过心愿。家里缺什么、需要帮什么忙，都可以写下来。"
        emptyAction={<BigButton onTap={go(routes.wishNew)}>许个心愿</BigButton>}
        keyOf={(w) => w.id}
        render={(w) => (
          <View className="card wish" {...a11y('button')} onClick={go(wishLink(routes.wish, w.id))}>
            <View className="wish-head">
              <Text className="badge">{wishStatusLabels[w.status]}</Text>
              <Text className="small muted">
                {wishCategoryLabels[w.category]} · {formatTime(w.createdAt)}
              </Text>
            </View>
            <View className="wish-text">{w.text}</View>
            {w.status === 'rejected' && w.rejectReason && <View className="wish-reason">未通过的原因：{w.rejectReason}</View>}
            <Steps steps={wishStages} {...wishProgress(w.status)} />
            <View className="wish-more small">查看详情 ›</View>
          </View>
        )}
      />
    </PageShell>
  );
}
