import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { a11y } from '../components/a11y';
import BigButton from '../components/big-button';
import { available, speak, stop } from '../services/read-aloud';

/**
 * 朗读: reads the notice aloud for someone who reads poorly; 停止朗读 while it speaks. Hidden
 * where the phone cannot speak (a WeChat build without the 微信同声传译 plugin).
 */
export default function ReadAloudButton({ text }: { text: string }) {
  const [can] = useState(available);
  const [speaking, setSpeaking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Leaving the page stops the voice.
  useEffect(() => () => stop(), []);
  if (!can) return null;
  const tap = () => {
    if (speaking) return stop();
    setError(null);
    setSpeaking(true);
    speak(text, { onError: setError, onEnd: () => setSpeaking(false) });
  };
  return (
    <View className="read-aloud">
      <BigButton kind={speaking ? 'secondary' : 'primary'} className="read-aloud-button" onTap={tap}>
        {speaking ? '停止朗读' : '朗读'}
      </BigButton>
      {error && (
        <View className="error-text read-aloud-error" {...a11y('alert')}>
          ！{error}
        </View>
      )}
    </View>
  );
}
