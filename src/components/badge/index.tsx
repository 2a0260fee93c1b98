import { Text } from '@tarojs/components';
import { a11y } from '../a11y';
import './index.scss';

/** How many unread things wait; "99+" past 99, nothing at 0. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(count));

/** A count on a tab or grid item, in words for screen readers. */
export default function Badge({ count, unit = '条未读' }: { count: number; unit?: string }) {
  if (count <= 0) return null;
  return (
    <Text className="count-badge" {...a11y('status', `${count} ${unit}`)}>
      {badgeText(count)}
    </Text>
  );
}
