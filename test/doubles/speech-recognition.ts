/**
 * A stand-in for the browser's SpeechRecognition: every instance is kept so that a test can see
 * how it was set up and play what the service would say (`hear`, `fail`, `end`).
 */
export class FakeRecognition {
  static instances: FakeRecognition[] = [];
  lang = '';
  interimResults = true;
  continuous = true;
  maxAlternatives = 0;
  onresult: ((event: unknown) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  onend: (() => void) | null = null;
  start = jest.fn();
  stop = jest.fn();

  constructor() {
    FakeRecognition.instances.push(this);
  }

  /** A final result, as Chrome reports one. */
  hear(transcript: string): void {
    this.onresult?.({ resultIndex: 0, results: [Object.assign([{ transcript }], { isFinal: true })] });
  }

  fail(error: string): void {
    this.onerror?.({ error });
  }

  end(): void {
    this.onend?.();
  }

  static latest(): FakeRecognition {
    return FakeRecognition.instances[FakeRecognition.instances.length - 1];
  }
}

/** Puts the fake on `window` under the name the browser uses (Chrome: webkitSpeechRecognition); returns a remover. */
export function installSpeechRecognition(name: 'SpeechRecognition' | 'webkitSpeechRecognition' = 'webkitSpeechRecognition'): () => void {
  FakeRecognition.instances = [];
  (window as unknown as Record<string, unknown>)[name] = FakeRecognition;
  return () => void delete (window as unknown as Record<string, unknown>)[name];
}
