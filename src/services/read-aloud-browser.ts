import type { ReadAloudEngine, SpeakHandlers } from './read-aloud';

/** A little slower than the default: older listeners follow unfamiliar words better. */
export const SPEECH_RATE = 0.85;

function synthesis(): SpeechSynthesis | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return window.speechSynthesis;
}

/** A Mandarin voice where the browser lists one; without it, the lang alone picks one (or none loaded yet). */
function chineseVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | null {
  const voices = synth.getVoices?.() ?? [];
  return voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? voices.find((v) => /^zh/i.test(v.lang)) ?? null;
}

function speak(parts: string[], { onEnd, onError }: Required<SpeakHandlers>): () => void {
  const synth = synthesis();
  if (!synth) throw new Error('no speechSynthesis');
  // Whatever another page left queued.
  synth.cancel();
  const voice = chineseVoice(synth);
  let stopped = false;
  parts.forEach((text, i) => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = SPEECH_RATE;
    if (voice) u.voice = voice;
    if (i === parts.length - 1) u.onend = () => onEnd();
    u.onerror = (event) => {
      // Our own cancel, or a part dropped by it.
      if (stopped || event.error === 'interrupted' || event.error === 'canceled') return;
      onError(
        event.error === 'language-unavailable' || event.error === 'voice-unavailable'
          ? '这部手机没有中文朗读的声音，可以请家人帮忙念一下'
          : '朗读出了问题，请再点一次',
      );
    };
    // The browser queues the parts and reads them one after another.
    synth.speak(u);
  });
  return () => {
    stopped = true;
    synth.cancel();
  };
}

/** Where the browser speaks (Chrome, Safari, Edge, Firefox); the button is hidden elsewhere. */
export const browserReadAloud: ReadAloudEngine = { available: () => synthesis() !== null, maxPart: 120, speak };
