import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import { a11y } from '../a11y';
import './index.scss';

interface Props {
  label: string;
  /** Shown under the control in red with a mark, replacing the hint, until the field is fixed. */
  error?: string | null;
  hint?: ReactNode;
  /** Characters used of the limit: always shown, so nobody reaches the limit by surprise. */
  count?: { value: number; max: number };
  /** Something beside the label, e.g. a voice-input button. */
  extra?: ReactNode;
}

/** How close to a length limit the counter starts to warn. */
const NEAR_LIMIT = 0.9;

/** A form field: label above, the control, then the error or hint and the length counter. */
export default function Field({ label, error, hint, count, extra, children }: PropsWithChildren<Props>) {
  const near = count !== undefined && count.value >= Math.floor(count.max * NEAR_LIMIT);
  return (
    <View className={`kit-field ${error ? 'has-error' : ''}`}>
      <View className="kit-field-head">
        <Text className="kit-field-label">{label}</Text>
        {extra}
      </View>
      {children}
      <View className="kit-field-foot small">
        {error ? (
          <Text className="error-text" {...a11y('alert')}>
            ！{error}
          </Text>
        ) : (
          <Text className="muted">{hint}</Text>
        )}
        {count && (
          <Text className={`kit-field-count ${near ? 'is-near' : ''}`}>
            {count.value}/{count.max} 字
            {count.value > count.max ? `（多了 ${count.value - count.max} 字）` : count.value === count.max ? '（已满）' : ''}
          </Text>
        )}
      </View>
    </View>
  );
}
