import { Text, View } from '@tarojs/components';
import { noticesContract } from '../../types/notices';
import { a11y } from '../components/a11y';
import Field from '../components/field';
import StateView from '../components/state-view';
import { useLoad } from '../hooks/use-cloud';
import { callCloud } from '../services/cloud';
import '../components/chips/index.scss';

interface Props {
  /** The villages chosen; null is every village of the office's area, as the function takes no villageIds. */
  value: string[] | null;
  onChange: (value: string[] | null) => void;
  error?: string;
}

/**
 * The villages an office sends to: all of its area by default (the usual case, one tap fewer),
 * or a few of them. Each one is a checkbox with a ✓ and a thick border, not colour alone.
 */
export default function VillagePicker({ value, onChange, error }: Props) {
  const villages = useLoad(() => callCloud(noticesContract, 'villages', {}), { cacheKey: 'notice-villages' });
  const all = villages.data?.items ?? [];
  const chosen = new Set(value ?? []);
  /** From 全部村, a tap picks that one village; none left, or every one, is 全部村 again. */
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next.size === 0 || next.size === all.length ? null : all.filter((v) => next.has(v.id)).map((v) => v.id));
  };
  const box = (key: string, label: string, on: boolean, tap: () => void) => (
    <View key={key} className={`chip ${on ? 'is-on' : ''}`} {...a11y('checkbox', label, { checked: on })} onClick={tap}>
      {on && <Text className="chip-mark">✓ </Text>}
      <Text>{label}</Text>
    </View>
  );
  return (
    <Field label="发给哪些村" error={error} hint={value === null ? '默认发给您负责的所有村' : `已选 ${chosen.size} 个村`}>
      {all.length === 0 ? (
        <StateView loading={villages.loading} error={villages.error} onRetry={villages.reload} empty emptyText="您负责的范围里还没有村" />
      ) : (
        <View className="chips village-picker" {...a11y('group', '发给哪些村')}>
          {box('all', '全部村', value === null, () => onChange(null))}
          {all.map((v) => box(v.id, v.name, chosen.has(v.id), () => toggle(v.id)))}
        </View>
      )}
    </Field>
  );
}
