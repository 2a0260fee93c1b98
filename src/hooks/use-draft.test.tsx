import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { hidePage } from '../../test/doubles/taro';
import { setDevOpenid } from '../services/dev-identity';
import { DRAFT_SAVE_DELAY_MS, useDraft } from './use-draft';

const blank = { category: null as string | null, text: '' };
const openForm = () => renderHook(() => useDraft('wish-new', blank));
const stored = () => Taro.getStorageSync('draft:demo-villager-1:wish-new');

beforeEach(() => {
  Taro.clearStorageSync();
  setDevOpenid('demo-villager-1');
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('a form draft', () => {
  it('starts from the blank values when nothing was saved', () => {
    const { result } = openForm();
    expect(result.current.values).toEqual(blank);
    expect(result.current.restored).toBe(false);
  });

  it('is written once typing pauses, not on every keystroke', () => {
    const { result } = openForm();
    act(() => result.current.set({ text: '孙子' }));
    act(() => result.current.set({ text: '孙子上学' }));
    act(() => jest.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 1));
    expect(stored()).toBe('');
    act(() => jest.advanceTimersByTime(1));
    expect(stored()).toEqual({ values: { category: null, text: '孙子上学' } });
  });

  it('comes back when the page opens again, after leaving it or restarting the app', () => {
    const first = openForm();
    act(() => first.result.current.set({ category: 'study', text: '孙子上学需要一个书包' }));
    first.unmount();

    const { result } = openForm();
    expect(result.current.values).toEqual({ category: 'study', text: '孙子上学需要一个书包' });
    expect(result.current.restored).toBe(true);
  });

  it('is written at once when the app goes to the background, where WeChat may end it', () => {
    const { result } = openForm();
    act(() => result.current.set({ text: '一床厚棉被' }));
    act(() => hidePage());
    expect(stored()).toEqual({ values: { category: null, text: '一床厚棉被' } });
  });

  it('appends to what is there when given a function (voice input adds to the text)', () => {
    const { result } = openForm();
    act(() => result.current.set({ text: '一床' }));
    act(() => result.current.set((v) => ({ text: v.text + '厚棉被' })));
    expect(result.current.values.text).toBe('一床厚棉被');
  });

  it('is forgotten after a successful send, and the form is blank again', () => {
    const first = openForm();
    act(() => first.result.current.set({ text: '一床厚棉被' }));
    act(() => hidePage());
    act(() => first.result.current.clear());
    expect(first.result.current.values).toEqual(blank);
    first.unmount();
    expect(stored()).toBe('');
    expect(openForm().result.current.restored).toBe(false);
  });

  it('keeps nothing for a form emptied by hand', () => {
    const { result, unmount } = openForm();
    act(() => result.current.set({ text: '一床' }));
    act(() => hidePage());
    act(() => result.current.set({ text: '' }));
    unmount();
    expect(stored()).toBe('');
  });

  it('belongs to the person who typed it: another demo user on the same browser does not see it', () => {
    const first = openForm();
    act(() => first.result.current.set({ text: '一床厚棉被' }));
    first.unmount();

    setDevOpenid('demo-villager-2');
    expect(openForm().result.current.values).toEqual(blank);
  });

  it('takes only the fields the form still has from a draft an older version saved', () => {
    Taro.setStorageSync('draft:demo-villager-1:wish-new', { values: { text: '旧草稿', photo: 'x.jpg' } });
    const { result } = openForm();
    expect(result.current.values).toEqual({ category: null, text: '旧草稿' });
  });

  it('ignores what is not a draft under its key', () => {
    Taro.setStorageSync('draft:demo-villager-1:wish-new', 'garbled');
    expect(openForm().result.current.restored).toBe(false);
  });
});
