/**
 * Reading a notice aloud, for villagers who read poorly: one interface over the browser's speech
 * synthesis in H5 and the 微信同声传译 plugin's text-to-speech in WeChat. As in speech.ts, each
 * platform's code sits in its own module, required inside a constant branch so that each build
 * carries only its own.
 */

export interface SpeakHandlers {
  /** Reading is over: finished, stopped or failed; called exactly once. */
  onEnd?: () => void;
  /** Chinese text that says what went wrong, before onEnd. */
  onError?: (message: string) => void;
}

/** What a platform's engine does: speak the parts in order, then call onEnd; answers how to stop. */
export interface ReadAloudEngine {
  available(): boolean;
  /** The longest part the engine takes in one go. */
  maxPart: number;
  speak(parts: string[], handlers: Required<SpeakHandlers>): () => void;
}

/** The engine this build has, or null where there is none. */
function engine(): ReadAloudEngine | null {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put browser code in the WeChat build
    return (require('./read-aloud-browser') as typeof import('./read-aloud-browser')).browserReadAloud;
  }
  if (process.env.TARO_ENV === 'weapp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put plugin code in the H5 build
    return (require('./read-aloud-wechat') as typeof import('./read-aloud-wechat')).wechatReadAloud;
  }
  return null;
}

/** Sentence ends, Chinese and Western, and line breaks: where a reader pauses anyway. */
const SENTENCE = /[^。！？!?；;\n]+[。！？!?；;]*[”’」』）)]*/g;
/** Inside an over-long sentence, the next best places to cut. */
const CLAUSE = /[^，,、：:]+[，,、：:]*/g;

/** Pieces of `text` no longer than `max`, split at `pattern` and cut hard where nothing else helps. */
function pieces(text: string, pattern: RegExp, max: number): string[] {
  return (text.match(pattern) ?? []).flatMap((p) => {
    if (p.length <= max) return [p];
    if (pattern === SENTENCE) return pieces(p, CLAUSE, max);
    const cut: string[] = [];
    for (let i = 0; i < p.length; i += max) cut.push(p.slice(i, i + max));
    return cut;
  });
}

/**
 * `text` in parts of at most `max` characters, whole sentences together where they fit: browsers
 * stop long utterances midway (Chrome after about 15 s) and the plugin takes a limited length.
 */
export function splitForSpeech(text: string, max: number): string[] {
  const parts: string[] = [];
  for (const piece of pieces(text, SENTENCE, max)) {
    const p = piece.trim();
    if (p === '') continue;
    const last = parts.length - 1;
    if (last >= 0 && parts[last].length + p.length <= max) parts[last] += p;
    else parts.push(p);
  }
  return parts;
}

/** Whether reading aloud works here; the 朗读 button is hidden where it does not. */
export function available(): boolean {
  try {
    return engine()?.available() ?? false;
  } catch {
    return false;
  }
}

let current: (() => void) | null = null;

/** Stops what is being read, if anything; its onEnd is called. */
export function stop(): void {
  const stopping = current;
  current = null;
  stopping?.();
}

/**
 * Reads `text` aloud in Mandarin, stopping anything read before. A failure arrives as onError then
 * onEnd, never as a throw.
 */
export function speak(text: string, handlers: SpeakHandlers = {}): void {
  stop();
  let ended = false;
  let stopEngine: () => void = () => undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    if (current === halt) current = null;
    handlers.onEnd?.();
  };
  const fail = (message: string) => {
    if (ended) return;
    handlers.onError?.(message);
    stopEngine();
    end();
  };
  const halt = () => {
    stopEngine();
    end();
  };
  current = halt;
  const reader = engine();
  try {
    if (!reader?.available()) throw new Error('no text-to-speech engine');
    const parts = splitForSpeech(text, reader.maxPart);
    if (parts.length === 0) return end();
    stopEngine = reader.speak(parts, { onEnd: end, onError: fail });
  } catch (e) {
    console.warn('[read-aloud] could not start', e);
    fail('这部手机用不了朗读，可以请家人帮忙念一下');
  }
}
