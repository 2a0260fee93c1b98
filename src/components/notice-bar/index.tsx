import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '../a11y';
import './index.scss';

export type NoticeKind = 'info' | 'warn' | 'offline';

/** The word that says what kind of notice it is, so colour is never the only sign. */
const kindWords: Record<NoticeKind, string> = { info: '提示', warn: '注意', offline: '离线' };

/** A one-line notice across the page: a hint, a warning, or that the network is down. */
export default function NoticeBar({ kind = 'info', children, action }: { kind?: NoticeKind; children: ReactNode; action?: ReactNode }) {
  return (
    <View className={`notice-bar is-${kind}`} {...a11y(kind === 'info' ? 'note' : 'status')}>
      <Text className="notice-bar-kind">{kindWords[kind]}</Text>
      <View className="notice-bar-text">{children}</View>
      {action}
    </View>
  );
}
