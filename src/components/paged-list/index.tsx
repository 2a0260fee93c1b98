import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Paged } from '../../hooks/use-cloud';
import { formatTime } from '../../services/format';
import BigButton from '../big-button';
import NoticeBar from '../notice-bar';
import StateView from '../state-view';

interface Props<T> {
  list: Paged<T>;
  emptyText: string;
  emptyAction?: ReactNode;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
}

/** A paged list with its loading, error, empty, offline and "more" states. */
export default function PagedList<T>({ list, emptyText, emptyAction, keyOf, render }: Props<T>) {
  return (
    <View>
      {list.offline && (
        <NoticeBar
          kind="offline"
          action={
            <BigButton kind="secondary" className="notice-action" onTap={list.reload}>
              重试
            </BigButton>
          }
        >
          网络不通，下面是{list.savedAt ? ` ${formatTime(list.savedAt)} ` : '上次'}保存的内容
        </NoticeBar>
      )}
      {list.items.map((item) => (
        <View key={keyOf(item)}>{render(item)}</View>
      ))}
      <StateView
        loading={list.loading}
        error={list.error}
        empty={!list.loading && !list.offline && list.items.length === 0}
        emptyText={emptyText}
        emptyAction={emptyAction}
        onRetry={list.retry}
      />
      {list.hasMore && !list.loading && !list.error && !list.offline && list.items.length > 0 && (
        <BigButton kind="secondary" onTap={list.loadMore}>
          加载更多
        </BigButton>
      )}
    </View>
  );
}
