import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '../a11y';
import BigButton from '../big-button';
import EmptyState from '../empty-state';

interface Props {
  loading: boolean;
  error: string | null;
  empty?: boolean;
  emptyText?: string;
  /** What the person can do about an empty list, e.g. a button that creates the first item. */
  emptyAction?: ReactNode;
  onRetry?: () => void;
}

/** The loading, error and empty states every list and page shares; renders nothing when there is content. */
export default function StateView({ loading, error, empty = false, emptyText = '暂无内容', emptyAction, onRetry }: Props) {
  if (error) {
    return (
      <View className="card state-view">
        <View className="error-text" {...a11y('alert')}>
          ！{error}
        </View>
        {onRetry && (
          <BigButton kind="secondary" onTap={onRetry}>
            重试
          </BigButton>
        )}
      </View>
    );
  }
  if (loading) {
    return (
      <View className="muted state-view" {...a11y('status')}>
        正在加载…
      </View>
    );
  }
  if (empty) return <EmptyState text={emptyText} action={emptyAction} />;
  return null;
}
