/**
 * Voice input for the long texts villagers write (the wish text first): one interface over
 * WeChat's 微信同声传译 plugin in the mini-program and the browser's speech recognition in H5.
 * Each platform's code sits in its own module, required inside a constant branch so that each
 * build carries only its own (as cloud.ts keeps the dev module out of the WeChat build).
 */

export interface ListenHandlers {
  /** What was heard, never empty; the page appends it to the field. */
  onText: (text: string) => void;
  /** Chinese text that says what went wrong and what to do instead. */
  onError: (message: string) => void;
  /** Listening is over, with or without text; called exactly once. */
  onEnd: () => void;
}

/** Stops listening; what was heard so far still arrives through onText, then onEnd. */
export type StopListening = () => void;

export interface SpeechEngine {
  available(): boolean;
  listen(handlers: ListenHandlers): StopListening;
}

/** The engine this build has, or null where there is none. */
function engine(): SpeechEngine | null {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put browser code in the WeChat build
    return (require('./speech-browser') as typeof import('./speech-browser')).browserSpeech;
  }
  if (process.env.TARO_ENV === 'weapp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put plugin code in the H5 build
    return (require('./speech-wechat') as typeof import('./speech-wechat')).wechatSpeech;
  }
  return null;
}

/** Whether voice input works here; the voice button is hidden where it does not. */
export function speechAvailable(): boolean {
  return engine()?.available() ?? false;
}

/** Starts listening in Chinese. A failure to start arrives as onError then onEnd, never as a throw. */
export function startListening(handlers: ListenHandlers): StopListening {
  let ended = false;
  const once: ListenHandlers = {
    onText: (text) => {
      if (!ended && text.trim() !== '') handlers.onText(text.trim());
    },
    onError: (message) => {
      if (!ended) handlers.onError(message);
    },
    onEnd: () => {
      if (ended) return;
      ended = true;
      handlers.onEnd();
    },
  };
  const speech = engine();
  try {
    if (!speech?.available()) throw new Error('no speech engine');
    return speech.listen(once);
  } catch (e) {
    console.warn('[speech] could not start', e);
    once.onError('语音输入用不了，请直接打字');
    once.onEnd();
    return () => undefined;
  }
}
