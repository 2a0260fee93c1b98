import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import './index.scss';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  options: readonly ChipOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  /** What the group is, for screen readers (the visible label is the field's). */
  label: string;
}

/** A single choice among a few options; the chosen one carries a ✓ and a thick border, not colour alone. */
export default function Chips<V extends string>({ options, value, onChange, label }: Props<V>) {
  return (
    <View className="chips" {...a11y('radiogroup', label)}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.value}
            className={`chip ${on ? 'is-on' : ''}`}
            {...a11y('radio', o.label, { checked: on })}
            onClick={() => onChange(o.value)}
          >
            {on && <Text className="chip-mark">✓ </Text>}
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
