import { Text, View } from '@tarojs/components';
import { wishCategoryLabels, type ReviewWish } from '../../../types';
import BigButton from '../../components/big-button';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import './index.scss';

export default function ReviewWishes() {
  const list = usePaged((page) => callCloud('wishes', 'pendingReview', page), { cacheKey: 'review-wishes' });
  useRefreshOnReturn(list.reload);
  return (
    <PageShell className="review-wishes">
      <View className="muted intro">村民提交的心愿，审核通过后才会上心愿墙。</View>
      {/* New wishes arrive while the page is open; a slow network makes pull-to-refresh hard to read. */}
      <BigButton kind="secondary" busy={list.loading} busyText="正在刷新…" onTap={list.reload}>
        刷新列表
      </BigButton>
      <PagedList<ReviewWish>
        list={list}
        emptyText="没有待审核的心愿"
        keyOf={(w) => w.id}
        render={(w) => (
          <View className="card wish">
            <View className="wish-head">
              <Text className="badge">{wishCategoryLabels[w.category]}</Text>
              <Text className="small muted">{formatTime(w.createdAt)}</Text>
            </View>
            <View className="wish-text">{w.text}</View>
            <View className="small muted">
              {w.submitterName} · {w.householdLabel}
            </View>
          </View>
        )}
      />
    </PageShell>
  );
}
