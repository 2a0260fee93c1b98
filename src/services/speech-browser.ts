import type { ListenHandlers, SpeechEngine, StopListening } from './speech';

/** The part of the Web Speech API used here (Chrome and Safari name the class webkitSpeechRecognition). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  onresult: ((event: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** The recognition service's error names (Web Speech API), in words a villager can act on. */
const errorTexts: Record<string, string> = {
  'not-allowed': '没有使用麦克风的权限，请允许后再试，或者直接打字',
  'service-not-allowed': '没有使用麦克风的权限，请允许后再试，或者直接打字',
  'audio-capture': '找不到麦克风，请直接打字',
  'no-speech': '没有听到声音，请靠近手机再说一遍',
  network: '网络不给力，没能识别说的话，请再试一次或者直接打字',
};

function listen({ onText, onError, onEnd }: ListenHandlers): StopListening {
  const Class = recognitionClass();
  if (!Class) throw new Error('no SpeechRecognition');
  const r = new Class();
  r.lang = 'zh-CN';
  // Only final results: an interim guess would be appended and then appended again, corrected.
  r.interimResults = false;
  // One utterance a tap. Continuous mode in Chrome on Android repeats earlier results in later ones.
  r.continuous = false;
  r.maxAlternatives = 1;
  r.onresult = (event) => {
    let text = '';
    for (let i = event.resultIndex; i < event.results.length; i++) {
      if (event.results[i].isFinal) text += event.results[i][0].transcript;
    }
    onText(text);
  };
  r.onerror = (event) => {
    // 'aborted' is our own stop.
    if (event.error !== 'aborted') onError(errorTexts[event.error] ?? '没能识别说的话，请再试一次或者直接打字');
  };
  r.onend = onEnd;
  r.start();
  return () => r.stop();
}

/** Where it exists (Chrome, Edge, Safari); the button is hidden elsewhere (Firefox). */
export const browserSpeech: SpeechEngine = { available: () => recognitionClass() !== null, listen };
