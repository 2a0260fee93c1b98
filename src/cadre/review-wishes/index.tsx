import { View } from '@tarojs/components';
import type { ReviewWish } from '../../../types';
import BigButton from '../../components/big-button';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import ReviewCard from './review-card';
import './index.scss';
import { wishesContract } from '../../../types/wishes';

export default function ReviewWishes() {
  const list = usePaged((page) => callCloud(wishesContract, 'pendingReview', page), { cacheKey: 'review-wishes@2' });
  useRefreshOnReturn(list.reload);
  const overlay = useOverlay();
  return (
    <PageShell className="review-wishes" overlay={overlay}>
      <View className="muted intro">村民提交的心愿，审核通过后才会上心愿墙。上墙前请把摘要改成不露隐私的一句话。</View>
      {/* New wishes arrive while the page is open; a slow network makes pull-to-refresh hard to read. */}
      <BigButton kind="secondary" busy={list.loading} busyText="正在刷新…" onTap={list.reload}>
        刷新列表
      </BigButton>
      <PagedList<ReviewWish>
        list={list}
        emptyText="没有待审核的心愿"
        keyOf={(w) => w.id}
        render={(w) => <ReviewCard wish={w} overlay={overlay} onDone={list.reload} />}
      />
    </PageShell>
  );
}
