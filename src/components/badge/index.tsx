import { Text } from '@tarojs/components';
import { a11y, a11yHidden } from '../a11y';
import './index.scss';

/** How many unread things wait; "99+" past 99, nothing at 0. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(count));

interface Props {
  count: number;
  unit?: string;
  /**
   * False when the control the badge sits on says the count in its own label (a tab, a grid
   * item): the badge is then hidden from screen readers rather than read a second time.
   */
  spoken?: boolean;
}

/** A count on a tab or grid item, in words for screen readers. */
export default function Badge({ count, unit = '条未读', spoken = true }: Props) {
  if (count <= 0) return null;
  return (
    <Text className="count-badge" {...(spoken ? a11y('status', `${count} ${unit}`) : a11yHidden())}>
      {badgeText(count)}
    </Text>
  );
}
