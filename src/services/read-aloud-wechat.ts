import Taro from '@tarojs/taro';
import type { ReadAloudEngine, SpeakHandlers } from './read-aloud';

/** True when the build declared the 微信同声传译 plugin (see speech-wechat.ts); read with typeof. */
declare const WECHAT_SI_PLUGIN: boolean | undefined;

interface SpeechFile {
  retcode?: number;
  filename?: string;
}

interface WechatSI {
  textToSpeech(options: {
    lang: string;
    tts: boolean;
    content: string;
    success: (res: SpeechFile) => void;
    fail: (res: { retcode?: number; msg?: string }) => void;
  }): void;
}

function plugin(): WechatSI | null {
  // Written out here, not in a helper, so that a build without the plugin folds it away.
  if (typeof WECHAT_SI_PLUGIN === 'undefined' || WECHAT_SI_PLUGIN !== true) return null;
  try {
    const si = Taro.requirePlugin('WechatSI') as Partial<WechatSI> | undefined;
    return typeof si?.textToSpeech === 'function' ? (si as WechatSI) : null;
  } catch (e) {
    console.warn('[read-aloud] WechatSI plugin not usable', e);
    return null;
  }
}

/** One part's sound file from the plugin (a URL it keeps for a few hours). */
function synthesise(si: WechatSI, content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    si.textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content,
      success: (res) => (res.retcode === 0 && res.filename ? resolve(res.filename) : reject(new Error(`retcode ${res.retcode}`))),
      fail: (res) => reject(new Error(`retcode ${res.retcode} ${res.msg ?? ''}`)),
    });
  });
}

function speak(parts: string[], { onEnd, onError }: Required<SpeakHandlers>): () => void {
  const si = plugin();
  if (!si) throw new Error('WechatSI plugin not available');
  const audio = Taro.createInnerAudioContext();
  let stopped = false;
  let next = 0;
  const prepare = (i: number) => {
    const file = synthesise(si, parts[i]);
    // Handled when its turn comes; a part never played (stopped before) must not warn as unhandled.
    file.catch(() => undefined);
    return file;
  };
  // The next part is made while this one plays, so there is no pause between sentences.
  let coming = prepare(0);
  const fail = (e: unknown) => {
    if (stopped) return;
    console.warn('[read-aloud] WechatSI failed', e);
    onError('网络不给力，没能朗读，请再点一次');
  };
  const playNext = () => {
    if (stopped) return;
    if (next >= parts.length) {
      audio.destroy();
      return onEnd();
    }
    const file = coming;
    next += 1;
    if (next < parts.length) coming = prepare(next);
    file.then((src) => {
      if (stopped) return;
      audio.src = src;
      audio.play();
    }, fail);
  };
  audio.onEnded(playNext);
  audio.onError(fail);
  playNext();
  return () => {
    stopped = true;
    audio.stop();
    audio.destroy();
  };
}

/** The plugin limits what one call reads (about 1,000 bytes, some 300 characters): shorter parts. */
export const wechatReadAloud: ReadAloudEngine = { available: () => plugin() !== null, maxPart: 200, speak };
