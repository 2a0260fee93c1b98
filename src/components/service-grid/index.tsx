import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import Badge from '../badge';
import Icon, { type IconName } from '../icon';
import './index.scss';

export interface ServiceItem {
  key: string;
  label: string;
  icon: IconName;
  onTap: () => void;
  badge?: number;
}

/** The home page's services (宫格): a big icon over a few words, three a row (two in 大字). */
export default function ServiceGrid({ items }: { items: readonly ServiceItem[] }) {
  return (
    <View className="service-grid">
      {items.map((item) => (
        <View
          key={item.key}
          className="service"
          {...a11y('button', item.badge ? `${item.label}，${item.badge} 条待办` : item.label)}
          onClick={() => item.onTap()}
        >
          <View className="service-icon">
            <Icon name={item.icon} />
          </View>
          <Text className="service-label">{item.label}</Text>
          {/* After the words, drawn over the icon: read in this order, the visible "审核心愿 3" is
              the start of the label "审核心愿，3 条待办" (WCAG 2.5.3, axe's label-content-name-mismatch). */}
          {item.badge !== undefined && item.badge > 0 && (
            <View className="service-badge">
              <Badge count={item.badge} spoken={false} />
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
