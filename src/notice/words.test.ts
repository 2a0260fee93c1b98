import { levelWords, spokenText, timeRange, warningTitle } from './words';

describe('a notice in words', () => {
  it('titles a warning as a weather office does', () => {
    expect(warningTitle('暴雨', 'red')).toBe('暴雨红色预警');
    expect(warningTitle('寒潮', 'blue')).toBe('寒潮蓝色预警');
    expect(warningTitle('其他', 'orange')).toBe('橙色预警');
  });

  it('names the level in words beside the type', () => {
    expect(levelWords({ level: 'red', warningType: '暴雨' })).toBe('红色预警 · 暴雨');
    expect(levelWords({ level: 'yellow' })).toBe('黄色预警');
    expect(levelWords({})).toBe('');
  });

  it('gives the time a warning applies, in China time', () => {
    const now = new Date('2026-11-27T06:00:00Z');
    expect(timeRange({ start: '2026-11-27T06:00:00.000Z', end: '2026-11-28T06:00:00.000Z' }, now)).toBe('11月27日 14:00 至 11月28日 14:00');
    expect(timeRange({ start: '2026-11-27T06:00:00.000Z' }, now)).toBe('');
  });

  it('reads the title, the level, a cancellation and the text aloud', () => {
    expect(spokenText({ title: '暴雨红色预警', body: '请转移低洼处群众。', level: 'red', warningType: '暴雨', cancelled: true })).toBe(
      '暴雨红色预警。红色预警，暴雨。这个预警已经解除。请转移低洼处群众。',
    );
    expect(spokenText({ title: '冬至农事提醒', body: '给小麦浇好越冬水', cancelled: false })).toBe('冬至农事提醒。给小麦浇好越冬水。');
  });
});
