import { Picker, View } from '@tarojs/components';
import { a11y } from '../components/a11y';
import Field from '../components/field';
import { addDays, formatDay } from '../services/format';

/** A moment in China time as a form keeps it: the day and the whole hour. */
export interface When {
  /** YYYY-MM-DD in China. */
  date: string;
  /** 0–23 in China. */
  hour: number;
}

const HOUR_MS = 60 * 60 * 1000;
const CHINA_MS = 8 * HOUR_MS;
const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

/** The hour `iso` falls in, in China (UTC+8 all year). */
export function whenOf(iso: string | Date): When {
  const china = new Date(new Date(iso).getTime() + CHINA_MS).toISOString();
  return { date: china.slice(0, 10), hour: Number(china.slice(11, 13)) };
}

/** The instant the contract takes: the hour's start in China, with its offset. */
export const instantOf = (w: When): string => `${w.date}T${hours[w.hour]}:00+08:00`;

/** Defaults for a new warning: from this hour for 24 hours. */
export function nextDay(now: Date = new Date()): { start: When; end: When } {
  const start = whenOf(now);
  return { start, end: { date: addDays(start.date, 1), hour: start.hour } };
}

interface Props {
  label: string;
  value: When;
  onChange: (value: When) => void;
  error?: string;
}

/** A day and an hour, each picked with WeChat's own wheel and shown in words, each one tap target. */
export default function WhenField({ label, value, onChange, error }: Props) {
  const day = formatDay(value.date);
  return (
    <Field label={label} error={error}>
      <View className="when-field">
        <Picker mode="date" value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className="field when-day" {...a11y('button', `${label}日期：${day}，点这里修改`)}>
            {day} ›
          </View>
        </Picker>
        <Picker mode="selector" range={hours} value={value.hour} onChange={(e) => onChange({ ...value, hour: Number(e.detail.value) })}>
          <View className="field when-hour" {...a11y('button', `${label}钟点：${hours[value.hour]}，点这里修改`)}>
            {hours[value.hour]} ›
          </View>
        </Picker>
      </View>
    </Field>
  );
}
