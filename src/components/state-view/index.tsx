import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

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
        <Text className="error-text">{error}</Text>
        {onRetry && (
          <Button className="big-button secondary" onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  }
  if (loading) return <View className="muted state-view">正在加载…</View>;
  if (empty) {
    return (
      <View className="state-view">
        <View className="muted">{emptyText}</View>
        {emptyAction}
      </View>
    );
  }
  return null;
}
