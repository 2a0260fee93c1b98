import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** Nothing to show yet: says so plainly and offers the one thing to do about it. */
export default function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <View className="empty-state">
      <View className="empty-state-mark" />
      <View className="empty-state-text">{text}</View>
      {action}
    </View>
  );
}
