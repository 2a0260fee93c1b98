/**
 * A stand-in for the browser's speech synthesis: records every utterance spoken, plays them in
 * order on `finishAll()` (or fails one with `fail`), and cancels as Chrome does, with an
 * 'interrupted' error for each part dropped.
 */
export class FakeUtterance {
  lang = '';
  rate = 1;
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export interface FakeSynthesis {
  spoken: FakeUtterance[];
  queue: FakeUtterance[];
  speak: jest.Mock;
  cancel: jest.Mock;
  getVoices: jest.Mock;
  /** Plays every queued utterance to its end. */
  finishAll(): void;
  /** Plays the first queued utterance to its end. */
  finishNext(): void;
  /** The first queued utterance fails with `error`. */
  fail(error: string): void;
}

/** Installs the fake on window; returns it and a function that removes it. */
export function installSpeechSynthesis(voices: { lang: string; name: string }[] = []): [FakeSynthesis, () => void] {
  const synth: FakeSynthesis = {
    spoken: [],
    queue: [],
    speak: jest.fn((u: FakeUtterance) => {
      synth.spoken.push(u);
      synth.queue.push(u);
    }),
    cancel: jest.fn(() => {
      const dropped = synth.queue.splice(0);
      for (const u of dropped) u.onerror?.({ error: 'interrupted' });
    }),
    getVoices: jest.fn(() => voices),
    finishAll: () => {
      for (const u of synth.queue.splice(0)) u.onend?.();
    },
    finishNext: () => synth.queue.shift()?.onend?.(),
    fail: (error) => {
      synth.queue.shift()?.onerror?.({ error });
    },
  };
  const w = window as unknown as Record<string, unknown>;
  w.speechSynthesis = synth;
  w.SpeechSynthesisUtterance = FakeUtterance;
  return [
    synth,
    () => {
      delete w.speechSynthesis;
      delete w.SpeechSynthesisUtterance;
    },
  ];
}
