import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import { a11y } from '../a11y';
import './index.scss';

interface Props {
  title: ReactNode;
  /** A second line in the secondary size: a date, a village, a short status. */
  detail?: ReactNode;
  /** Shown at the row's end, before the arrow: a current setting, a count. */
  value?: ReactNode;
  /** Makes the row one tap target with an arrow; `label` is what a screen reader says for it. */
  onTap?: () => void;
  label?: string;
  className?: string;
}

/** A list row: the title on the left, an optional value and arrow on the right. */
export default function Cell({ title, detail, value, onTap, label, className = '' }: Props) {
  return (
    <View
      className={`cell ${onTap ? 'is-link' : ''} ${className}`}
      {...(onTap ? a11y('button', label) : {})}
      onClick={onTap ? () => onTap() : undefined}
    >
      <View className="cell-main">
        <View className="cell-title">{title}</View>
        {detail !== undefined && <View className="cell-detail small">{detail}</View>}
      </View>
      {value !== undefined && <View className="cell-value">{value}</View>}
      {onTap && (
        <Text className="cell-arrow" {...a11y('presentation')}>
          ›
        </Text>
      )}
    </View>
  );
}

/** Rows on one white card, with an optional heading above it. */
export function CellGroup({ title, children }: PropsWithChildren<{ title?: string }>) {
  return (
    <View className="cell-group">
      {title && <View className="cell-group-title small">{title}</View>}
      <View className="cell-group-body">{children}</View>
    </View>
  );
}
