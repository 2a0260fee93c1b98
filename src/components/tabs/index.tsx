import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import Badge from '../badge';
import './index.scss';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  badge?: number;
}

interface Props<K extends string> {
  tabs: readonly TabItem<K>[];
  value: K;
  onChange: (key: K) => void;
  /** What a badge counts, for screen readers: 条未读 (messages), 项 (tasks). */
  unit?: string;
}

/** Tabs across the top of a list; the current one is bold and underlined, not only coloured. */
export default function Tabs<K extends string>({ tabs, value, onChange, unit = '条未读' }: Props<K>) {
  return (
    <View className="tabs" {...a11y('tablist')}>
      {tabs.map((t) => {
        const on = t.key === value;
        return (
          <View
            key={t.key}
            className={`tab ${on ? 'is-on' : ''}`}
            {...a11y('tab', t.badge ? `${t.label}，${t.badge} ${unit}` : t.label, { selected: on })}
            onClick={() => onChange(t.key)}
          >
            <Text>{t.label}</Text>
            {t.badge !== undefined && t.badge > 0 && <Badge count={t.badge} spoken={false} />}
          </View>
        );
      })}
    </View>
  );
}
