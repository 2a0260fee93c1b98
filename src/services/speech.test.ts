import Taro from '@tarojs/taro';
import { FakeRecognition, installSpeechRecognition } from '../../test/doubles/speech-recognition';
import { speechAvailable, startListening } from './speech';

const handlers = () => ({ onText: jest.fn(), onError: jest.fn(), onEnd: jest.fn() });
let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('voice input in the browser (H5)', () => {
  let remove: () => void = () => undefined;
  afterEach(() => remove());

  it('is unavailable where the browser has no speech recognition', () => {
    expect(speechAvailable()).toBe(false);
    const h = handlers();
    startListening(h);
    expect(h.onError).toHaveBeenCalledWith('语音输入用不了，请直接打字');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });

  it.each(['SpeechRecognition', 'webkitSpeechRecognition'] as const)('is available where the browser has %s', (name) => {
    remove = installSpeechRecognition(name);
    expect(speechAvailable()).toBe(true);
  });

  it('listens in Chinese for final results only, and hands over what was heard', () => {
    remove = installSpeechRecognition();
    const h = handlers();
    const stop = startListening(h);
    const r = FakeRecognition.latest();
    expect(r).toMatchObject({ lang: 'zh-CN', interimResults: false, continuous: false });
    expect(r.start).toHaveBeenCalled();

    stop();
    expect(r.stop).toHaveBeenCalled();
    r.hear(' 一床厚棉被 ');
    r.end();
    expect(h.onText).toHaveBeenCalledWith('一床厚棉被');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('says in Chinese what to do when the microphone is refused, and ends once', () => {
    remove = installSpeechRecognition();
    const h = handlers();
    startListening(h);
    FakeRecognition.latest().fail('not-allowed');
    FakeRecognition.latest().end();
    expect(h.onError).toHaveBeenCalledWith('没有使用麦克风的权限，请允许后再试，或者直接打字');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });

  it('is silent about its own abort', () => {
    remove = installSpeechRecognition();
    const h = handlers();
    startListening(h);
    FakeRecognition.latest().fail('aborted');
    expect(h.onError).not.toHaveBeenCalled();
  });
});

describe('voice input in WeChat (the 微信同声传译 plugin)', () => {
  const env = process.env.TARO_ENV;
  const requirePlugin = Taro.requirePlugin as unknown as jest.Mock;
  const globals = globalThis as { WECHAT_SI_PLUGIN?: boolean };
  let manager: {
    start: jest.Mock;
    stop: jest.Mock;
    onStop: ((r: { result?: string }) => void) | null;
    onError: ((r: { retcode?: number }) => void) | null;
  };

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    manager = { start: jest.fn(), stop: jest.fn(), onStop: null, onError: null };
    requirePlugin.mockReturnValue({ getRecordRecognitionManager: () => manager });
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete globals.WECHAT_SI_PLUGIN;
    requirePlugin.mockReset();
    requirePlugin.mockImplementation(() => {
      throw new Error('plugin is not declared');
    });
  });

  it('is unavailable, and never asks for the plugin, when the build did not declare it', () => {
    expect(speechAvailable()).toBe(false);
    globals.WECHAT_SI_PLUGIN = false;
    expect(speechAvailable()).toBe(false);
    expect(requirePlugin).not.toHaveBeenCalled();
  });

  it('is unavailable when the declared plugin cannot be loaded', () => {
    globals.WECHAT_SI_PLUGIN = true;
    requirePlugin.mockImplementation(() => {
      throw new Error('plugin WechatSI is not defined');
    });
    expect(speechAvailable()).toBe(false);
  });

  it('records up to 60 s in Mandarin and hands over the result when stopped', () => {
    globals.WECHAT_SI_PLUGIN = true;
    expect(speechAvailable()).toBe(true);
    const h = handlers();
    const stop = startListening(h);
    expect(requirePlugin).toHaveBeenCalledWith('WechatSI');
    expect(manager.start).toHaveBeenCalledWith({ lang: 'zh_CN', duration: 60_000 });

    stop();
    expect(manager.stop).toHaveBeenCalled();
    manager.onStop?.({ result: '孙子上学需要一个书包。' });
    expect(h.onText).toHaveBeenCalledWith('孙子上学需要一个书包。');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });

  it('says it did not catch anything when the result is empty', () => {
    globals.WECHAT_SI_PLUGIN = true;
    const h = handlers();
    startListening(h);
    manager.onStop?.({ result: '' });
    expect(h.onText).not.toHaveBeenCalled();
    expect(h.onError).toHaveBeenCalledWith('没有听清，请靠近手机再说一遍');
  });

  it("turns the plugin's error codes into Chinese advice, and ignores what comes after the end", () => {
    globals.WECHAT_SI_PLUGIN = true;
    const h = handlers();
    startListening(h);
    manager.onError?.({ retcode: -30001 });
    manager.onError?.({ retcode: -30012 });
    expect(h.onError).toHaveBeenCalledTimes(1);
    expect(h.onError).toHaveBeenCalledWith('没能打开麦克风，请允许小程序使用麦克风，或者直接打字');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });
});
