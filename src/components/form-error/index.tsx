import { View } from '@tarojs/components';
import { a11y } from '../a11y';

/** A form's own failure (the function's refusal, no network) above its submit button; nothing when there is none. */
export default function FormError({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <View className="error-text form-error" {...a11y('alert')}>
      ！{text}
    </View>
  );
}
