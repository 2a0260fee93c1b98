import { View } from '@tarojs/components';
import './index.scss';

export type IconName = 'wish' | 'list' | 'review' | 'invite' | 'home' | 'message' | 'me' | 'text' | 'calendar' | 'bell' | 'heart' | 'help';

/** A line icon beside words, never instead of them; screen readers skip it. */
export default function Icon({ name, className = '' }: { name: IconName; className?: string }) {
  return <View className={`icon icon-${name} ${className}`} />;
}
