import { Picker, View } from '@tarojs/components';
import { a11y } from '../components/a11y';
import Field from '../components/field';
import { formatDay } from '../services/format';

interface Props {
  label: string;
  /** YYYY-MM-DD, China's calendar. */
  value: string;
  start?: string;
  end?: string;
  hint?: string;
  error?: string | null;
  onChange: (date: string) => void;
}

/** A day picked with WeChat's own date wheel, shown in words (12月8日), the whole row one tap target. */
export default function DateField({ label, value, start, end, hint, error, onChange }: Props) {
  const words = formatDay(value);
  return (
    <Field label={label} hint={hint} error={error}>
      <Picker mode="date" value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="field date-field" {...a11y('button', `${label}：${words}，点这里修改`)}>
          {words} ›
        </View>
      </Picker>
    </Field>
  );
}
