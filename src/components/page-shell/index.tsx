import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useTextSize } from '../../services/text-size';
import './index.scss';

/** The root of every page: carries the text-size class that the shared tokens key on. */
export default function PageShell({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const size = useTextSize();
  return <View className={`page text-${size} ${className}`}>{children}</View>;
}
