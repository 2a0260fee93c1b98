import { Text, View } from '@tarojs/components';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { speechAvailable, startListening, type StopListening } from '../../services/speech';
import { a11y } from '../a11y';
import BigButton from '../big-button';
import './index.scss';

interface Props {
  /** What is heard, to append to the field. */
  onText: (text: string) => void;
  /** The field it writes into, for the spoken label, e.g. 心愿内容. */
  field: string;
}

/**
 * Voice input beside a long text field. Tap to start, tap again when done: easier for older
 * hands than press-and-hold, which a shaky finger ends too soon. Hidden where voice input does
 * not work (a browser without speech recognition; a WeChat build without the WechatSI plugin).
 */
export default function VoiceButton({ onText, field }: Props) {
  const [available] = useState(speechAvailable);
  const [listening, setListening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<StopListening | null>(null);
  const latestOnText = useRef(onText);
  useLayoutEffect(() => {
    latestOnText.current = onText;
  });
  // Leaving the page stops the microphone.
  useEffect(() => () => stop.current?.(), []);

  if (!available) return null;

  const tap = () => {
    if (listening) return stop.current?.();
    setError(null);
    setListening(true);
    stop.current = startListening({
      onText: (text) => latestOnText.current(text),
      onError: setError,
      onEnd: () => {
        stop.current = null;
        setListening(false);
      },
    });
  };

  return (
    <View className="voice-button">
      <BigButton
        kind={listening ? 'primary' : 'secondary'}
        className="voice-button-tap"
        label={listening ? '正在听…说完了点这里' : `点我说话，说的话会写进${field}`}
        onTap={tap}
      >
        {listening ? (
          <View className="voice-button-lines">
            <Text>正在听…</Text>
            <Text className="voice-button-hint">说完了点这里</Text>
          </View>
        ) : (
          '点我说话'
        )}
      </BigButton>
      {error && (
        <Text className="error-text small voice-button-error" {...a11y('alert')}>
          {error}
        </Text>
      )}
    </View>
  );
}
