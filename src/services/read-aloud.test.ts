import Taro from '@tarojs/taro';
import { installSpeechSynthesis, type FakeSynthesis } from '../../test/doubles/speech-synthesis';
import { available, speak, splitForSpeech, stop } from './read-aloud';
import { SPEECH_RATE } from './read-aloud-browser';

const handlers = () => ({ onEnd: jest.fn(), onError: jest.fn() });
let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  stop();
  warn.mockRestore();
});

const notice = '县气象台发布暴雨红色预警。预计未来3小时杏花村将出现100毫米以上降水！请转移低洼处群众；停止田间作业。';

describe('splitting a text for speech', () => {
  it('keeps whole sentences together up to the limit', () => {
    expect(splitForSpeech(notice, 30)).toEqual([
      '县气象台发布暴雨红色预警。',
      '预计未来3小时杏花村将出现100毫米以上降水！',
      '请转移低洼处群众；停止田间作业。',
    ]);
    expect(splitForSpeech(notice, 200)).toEqual([notice]);
  });

  it('cuts an over-long sentence at commas, and hard where it has none', () => {
    const parts = splitForSpeech('一二三四五，六七八九十，甲乙丙丁戊己庚辛壬癸子丑寅卯', 8);
    expect(parts).toEqual(['一二三四五，', '六七八九十，', '甲乙丙丁戊己庚辛', '壬癸子丑寅卯']);
    for (const p of splitForSpeech('很长'.repeat(500), 120)) expect(p.length).toBeLessThanOrEqual(120);
  });

  it('drops blank lines and leaves nothing of an empty text', () => {
    expect(splitForSpeech('第一句\n\n  \n第二句', 3)).toEqual(['第一句', '第二句']);
    expect(splitForSpeech('   ', 100)).toEqual([]);
  });
});

describe('reading aloud in the browser (H5)', () => {
  let synth: FakeSynthesis;
  let remove = () => undefined as void;
  afterEach(() => remove());

  it('is unavailable where the browser cannot speak, and says so in Chinese without throwing', () => {
    expect(available()).toBe(false);
    const h = handlers();
    expect(() => speak(notice, h)).not.toThrow();
    expect(h.onError).toHaveBeenCalledWith('这部手机用不了朗读，可以请家人帮忙念一下');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });

  it('speaks Mandarin a little slowly, sentence by sentence, with a Chinese voice, and ends after the last', () => {
    [synth, remove] = installSpeechSynthesis([
      { lang: 'en-US', name: 'English' },
      { lang: 'zh-CN', name: '普通话' },
    ]);
    expect(available()).toBe(true);
    const h = handlers();
    speak(notice, h);
    expect(synth.spoken.map((u) => u.text).join('')).toBe(notice);
    for (const u of synth.spoken) expect(u).toMatchObject({ lang: 'zh-CN', rate: SPEECH_RATE, voice: { name: '普通话' } });
    expect(SPEECH_RATE).toBeLessThan(1);
    expect(h.onEnd).not.toHaveBeenCalled();
    synth.finishAll();
    expect(h.onEnd).toHaveBeenCalledTimes(1);
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('splits a long notice into parts the browser reads to the end', () => {
    [synth, remove] = installSpeechSynthesis();
    const h = handlers();
    speak('今天降温。'.repeat(60), h);
    expect(synth.spoken.length).toBeGreaterThan(1);
    for (const u of synth.spoken) expect(u.text.length).toBeLessThanOrEqual(120);
    synth.finishNext();
    expect(h.onEnd).not.toHaveBeenCalled();
    synth.finishAll();
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });

  it('stops on stop(), ending once and quietly', () => {
    [synth, remove] = installSpeechSynthesis();
    const h = handlers();
    speak(notice, h);
    stop();
    expect(synth.cancel).toHaveBeenCalled();
    expect(h.onEnd).toHaveBeenCalledTimes(1);
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('stops the first reading when a second starts', () => {
    [synth, remove] = installSpeechSynthesis();
    const first = handlers();
    const second = handlers();
    speak('第一条通知的内容。', first);
    speak('第二条通知的内容。', second);
    expect(first.onEnd).toHaveBeenCalledTimes(1);
    expect(second.onEnd).not.toHaveBeenCalled();
    expect(synth.queue.map((u) => u.text)).toEqual(['第二条通知的内容。']);
  });

  it('says in Chinese when the phone has no Chinese voice, and ends once', () => {
    [synth, remove] = installSpeechSynthesis();
    const h = handlers();
    speak(notice, h);
    synth.fail('language-unavailable');
    expect(h.onError).toHaveBeenCalledWith('这部手机没有中文朗读的声音，可以请家人帮忙念一下');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
    expect(synth.queue).toEqual([]);
  });
});

describe('reading aloud in WeChat (the 微信同声传译 plugin)', () => {
  const env = process.env.TARO_ENV;
  const requirePlugin = Taro.requirePlugin as unknown as jest.Mock;
  const globals = globalThis as { WECHAT_SI_PLUGIN?: boolean };
  type Call = { content: string; success: (r: { retcode: number; filename?: string }) => void; fail: (r: { retcode: number }) => void };
  let calls: Call[];
  let audio: { src: string; play: jest.Mock; stop: jest.Mock; destroy: jest.Mock; ended: () => void; failed: (e: unknown) => void };
  const taro = Taro as unknown as Record<string, unknown>;

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    calls = [];
    requirePlugin.mockReturnValue({ textToSpeech: jest.fn((o: Call & { lang: string }) => calls.push(o)) });
    audio = { src: '', play: jest.fn(), stop: jest.fn(), destroy: jest.fn(), ended: () => undefined, failed: () => undefined };
    taro.createInnerAudioContext = jest.fn(() => ({
      ...audio,
      set src(v: string) {
        audio.src = v;
      },
      get src() {
        return audio.src;
      },
      play: audio.play,
      stop: audio.stop,
      destroy: audio.destroy,
      onEnded: (fn: () => void) => (audio.ended = fn),
      onError: (fn: (e: unknown) => void) => (audio.failed = fn),
    }));
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete globals.WECHAT_SI_PLUGIN;
    delete taro.createInnerAudioContext;
    requirePlugin.mockReset();
    requirePlugin.mockImplementation(() => {
      throw new Error('plugin is not declared');
    });
  });

  it('is unavailable, and never asks for the plugin, when the build did not declare it', () => {
    expect(available()).toBe(false);
    globals.WECHAT_SI_PLUGIN = false;
    expect(available()).toBe(false);
    expect(requirePlugin).not.toHaveBeenCalled();
    const h = handlers();
    speak(notice, h);
    expect(h.onError).toHaveBeenCalledWith('这部手机用不了朗读，可以请家人帮忙念一下');
  });

  it('has each part made into sound in Mandarin and plays the parts in order, then ends', async () => {
    globals.WECHAT_SI_PLUGIN = true;
    expect(available()).toBe(true);
    const h = handlers();
    const long = '今天有大风，请加固大棚。'.repeat(30);
    speak(long, h);
    const parts = splitForSpeech(long, 200);
    expect(parts.length).toBe(2);
    // The second part is asked for at once, to be ready when the first has played.
    expect(calls.map((c) => c.content)).toEqual(parts);
    expect(calls[0]).toMatchObject({ lang: 'zh_CN' });
    calls[0].success({ retcode: 0, filename: 'https://tts/1.mp3' });
    await Promise.resolve();
    expect(audio.src).toBe('https://tts/1.mp3');
    expect(audio.play).toHaveBeenCalledTimes(1);
    calls[1].success({ retcode: 0, filename: 'https://tts/2.mp3' });
    audio.ended();
    await Promise.resolve();
    expect(audio.src).toBe('https://tts/2.mp3');
    expect(h.onEnd).not.toHaveBeenCalled();
    audio.ended();
    expect(h.onEnd).toHaveBeenCalledTimes(1);
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('says in Chinese when the plugin fails, stops the sound and ends once', async () => {
    globals.WECHAT_SI_PLUGIN = true;
    const h = handlers();
    speak(notice, h);
    calls[0].fail({ retcode: -20001 });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.onError).toHaveBeenCalledWith('网络不给力，没能朗读，请再点一次');
    expect(h.onEnd).toHaveBeenCalledTimes(1);
    expect(audio.destroy).toHaveBeenCalled();
  });

  it('stops the sound on stop()', () => {
    globals.WECHAT_SI_PLUGIN = true;
    const h = handlers();
    speak(notice, h);
    stop();
    expect(audio.stop).toHaveBeenCalled();
    expect(h.onEnd).toHaveBeenCalledTimes(1);
  });
});
