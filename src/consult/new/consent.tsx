import { Text, View } from '@tarojs/components';
import { a11y } from '../../components/a11y';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The sentence agreed to: the household's own words, or the cadre's that the household agreed. */
  text: string;
  error?: string | null;
}

/** An explicit consent: a big box that shows ✓ in words when ticked, and the error under it until it is. */
export default function Consent({ checked, onChange, text, error }: Props) {
  return (
    <View className={`consent ${error ? 'has-error' : ''}`}>
      <View className={`consent-tap ${checked ? 'is-on' : ''}`} {...a11y('checkbox', text, { checked })} onClick={() => onChange(!checked)}>
        <Text className="consent-box">{checked ? '✓' : ''}</Text>
        <Text className="consent-text">{text}</Text>
      </View>
      {error && (
        <View className="error-text small consent-error" {...a11y('alert')}>
          ！{error}
        </View>
      )}
    </View>
  );
}
