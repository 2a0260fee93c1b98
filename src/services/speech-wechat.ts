import Taro from '@tarojs/taro';
import type { ListenHandlers, SpeechEngine, StopListening } from './speech';

/**
 * True when the build declared WeChat's 微信同声传译 plugin (WechatSI) in app.json: config/index.ts
 * defines it from WECHAT_SI_PLUGIN=1. A plugin must first be added to the mini-program in the
 * WeChat admin console, and a build that declares one it may not use fails in DevTools, so it is
 * opt-in. Read with typeof: a build that does not define the constant has no voice input.
 */
declare const WECHAT_SI_PLUGIN: boolean | undefined;

/** The plugin's recognition manager: one per app, its handlers set by assignment. */
interface RecordRecognitionManager {
  start(options: { lang: string; duration: number }): void;
  stop(): void;
  onStop: ((res: { result?: string }) => void) | null;
  onError: ((res: { retcode?: number; msg?: string }) => void) | null;
}

function manager(): RecordRecognitionManager | null {
  // Written out here, not in a helper, so that a build defining the constant false folds it and
  // drops the requirePlugin call below from the bundle.
  if (typeof WECHAT_SI_PLUGIN === 'undefined' || WECHAT_SI_PLUGIN !== true) return null;
  try {
    const plugin = Taro.requirePlugin('WechatSI') as { getRecordRecognitionManager?: () => RecordRecognitionManager } | undefined;
    return plugin?.getRecordRecognitionManager?.() ?? null;
  } catch (e) {
    console.warn('[speech] WechatSI plugin not usable', e);
    return null;
  }
}

/** The plugin's retcodes, in words a villager can act on. */
function errorText(retcode: number | undefined): string {
  switch (retcode) {
    case -30001: // the recorder did not start: usually the microphone permission was refused
    case -30002:
      return '没能打开麦克风，请允许小程序使用麦克风，或者直接打字';
    case -30003: // no audio, or too short
    case -30004: // nothing recognised
    case -30006:
      return '没有听清，请靠近手机再说一遍';
    case -30008: // network failures of the recognition service
    case -30010:
      return '网络不给力，没能识别说的话，请再试一次或者直接打字';
    case -30011: // a recognition is still running
      return '上一段话还在识别，请稍等一下再点';
    default:
      return '没能识别说的话，请再试一次或者直接打字';
  }
}

/** WeChat allows at most 60 s a recognition; long enough for one wish. */
const MAX_DURATION_MS = 60_000;

function listen({ onText, onError, onEnd }: ListenHandlers): StopListening {
  const m = manager();
  if (!m) throw new Error('WechatSI plugin not available');
  m.onStop = (res) => {
    const text = (res.result ?? '').trim();
    if (text === '') onError('没有听清，请靠近手机再说一遍');
    else onText(text);
    onEnd();
  };
  m.onError = (res) => {
    console.warn('[speech] WechatSI error', res.retcode, res.msg);
    onError(errorText(res.retcode));
    onEnd();
  };
  m.start({ lang: 'zh_CN', duration: MAX_DURATION_MS });
  return () => m.stop();
}

export const wechatSpeech: SpeechEngine = { available: () => manager() !== null, listen };
