import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Paged } from '../../hooks/use-cloud';
import StateView from '../state-view';

interface Props<T> {
  list: Paged<T>;
  emptyText: string;
  emptyAction?: ReactNode;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
}

/** A paged list with its loading, error, empty and "more" states. */
export default function PagedList<T>({ list, emptyText, emptyAction, keyOf, render }: Props<T>) {
  return (
    <View>
      {list.items.map((item) => (
        <View key={keyOf(item)}>{render(item)}</View>
      ))}
      <StateView
        loading={list.loading}
        error={list.error}
        empty={!list.loading && list.items.length === 0}
        emptyText={emptyText}
        emptyAction={emptyAction}
        onRetry={list.retry}
      />
      {list.hasMore && !list.loading && !list.error && list.items.length > 0 && (
        <Button className="big-button secondary" onClick={list.loadMore}>
          加载更多
        </Button>
      )}
    </View>
  );
}
