import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import Badge from '../badge';
import Icon, { type IconName } from '../icon';
import './index.scss';

export type HomeTab = 'home' | 'inbox' | 'me';

const tabs: readonly { key: HomeTab; label: string; icon: IconName }[] = [
  { key: 'home', label: '首页', icon: 'home' },
  { key: 'inbox', label: '消息', icon: 'message' },
  { key: 'me', label: '我的', icon: 'me' },
];

/**
 * The bar along the bottom of the home page. Drawn by the page rather than WeChat's native
 * tabBar, whose labels stay at a fixed small size and cannot follow 大字.
 */
export default function TabBar({ value, unread, onChange }: { value: HomeTab; unread: number; onChange: (tab: HomeTab) => void }) {
  return (
    <View className="tab-bar" {...a11y('tablist', '主菜单')}>
      {tabs.map((t) => {
        const on = t.key === value;
        const spoken = t.key === 'inbox' && unread > 0 ? `${t.label}，${unread} 条未读` : t.label;
        return (
          <View
            key={t.key}
            className={`tab-bar-item ${on ? 'is-on' : ''}`}
            {...a11y('tab', spoken, { selected: on })}
            onClick={() => onChange(t.key)}
          >
            <View className="tab-bar-icon">
              <Icon name={t.icon} className={on ? '' : 'is-ink'} />
            </View>
            <Text className="tab-bar-label">{t.label}</Text>
            {/* After the word, drawn over the icon: read in this order, the visible "消息 3" is
                the start of the label "消息，3 条未读" (WCAG 2.5.3, axe's label-content-name-mismatch). */}
            {t.key === 'inbox' && unread > 0 && (
              <View className="tab-bar-badge">
                <Badge count={unread} spoken={false} />
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
