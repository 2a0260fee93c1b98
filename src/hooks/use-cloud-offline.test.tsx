import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CloudError } from '../services/cloud';
import { setDevOpenid } from '../services/dev-identity';
import { useLoad, usePaged, type Page, type PageRequest } from './use-cloud';

const SAVED_AT = '2026-11-26T17:30:00.000Z';
const noNetwork = () => new CloudError('COMMON.NETWORK', '网络不给力，请检查网络后重试');
const notBound = () => new CloudError('COMMON.NOT_BOUND', '请先用邀请码绑定身份');
const stored = (name: string) => Taro.getStorageSync(`cache:demo-villager-1:${name}`);
const save = (name: string, data: unknown) => Taro.setStorageSync(`cache:demo-villager-1:${name}`, { savedAt: SAVED_AT, data });
/** A request that never answers, to look at what is shown while it runs. */
const never = () => new Promise<never>(() => undefined);

beforeEach(() => {
  Taro.clearStorageSync();
  setDevOpenid('demo-villager-1');
});

describe('useLoad with a cache key', () => {
  it('shows what it saved last time at once, while the fresh request runs', () => {
    save('home', { unread: 2 });
    const { result } = renderHook(() => useLoad(never, { cacheKey: 'home' }));
    expect(result.current).toMatchObject({ data: { unread: 2 }, loading: true, offline: false, savedAt: null, error: null });
  });

  it('replaces it with the fresh answer and saves that, with when it came', async () => {
    save('home', { unread: 2 });
    const { result } = renderHook(() => useLoad(async () => ({ unread: 5 }), { cacheKey: 'home' }));
    await waitFor(() => expect(result.current.data).toEqual({ unread: 5 }));
    expect(stored('home')).toEqual({ savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: { unread: 5 } });
    expect(stored('home').savedAt).not.toBe(SAVED_AT);
  });

  it.each(['COMMON.NETWORK', 'CLOUD.TIMEOUT', 'CLOUD.GAVE_UP', 'CLOUD.UNAVAILABLE'])(
    'keeps showing the saved copy, marked offline with when it was saved, when the cloud cannot be reached (%s)',
    async (code) => {
      save('home', { unread: 2 });
      const { result } = renderHook(() => useLoad(() => Promise.reject(new CloudError(code, '…')), { cacheKey: 'home' }));
      await waitFor(() => expect(result.current.loading).toBe(false));
      expect(result.current).toMatchObject({ data: { unread: 2 }, offline: true, savedAt: SAVED_AT, error: null });
    },
  );

  it('shows the error when the cloud answered with a refusal, not a network failure', async () => {
    save('home', { unread: 2 });
    const { result } = renderHook(() => useLoad(() => Promise.reject(notBound()), { cacheKey: 'home' }));
    await waitFor(() => expect(result.current.error).toBe('请先用邀请码绑定身份'));
    expect(result.current.offline).toBe(false);
  });

  it('shows the network error when nothing was ever saved', async () => {
    const { result } = renderHook(() => useLoad(() => Promise.reject(noNetwork()), { cacheKey: 'home' }));
    await waitFor(() => expect(result.current.error).toBe('网络不给力，请检查网络后重试'));
    expect(result.current).toMatchObject({ data: null, offline: false, savedAt: null });
  });

  it('goes offline on a failed reload with what it received this visit, and back online when a reload works', async () => {
    const load = jest.fn<Promise<{ unread: number }>, []>().mockResolvedValueOnce({ unread: 1 });
    const { result } = renderHook(() => useLoad(load, { cacheKey: 'home' }));
    await waitFor(() => expect(result.current.data).toEqual({ unread: 1 }));
    const receivedAt = stored('home').savedAt as string;

    load.mockRejectedValueOnce(noNetwork());
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.offline).toBe(true));
    expect(result.current).toMatchObject({ data: { unread: 1 }, savedAt: receivedAt, error: null });

    load.mockResolvedValueOnce({ unread: 3 });
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toEqual({ unread: 3 }));
    expect(result.current).toMatchObject({ offline: false, savedAt: null });
  });

  it('keeps each person their own copy: another demo user on the same browser starts empty', () => {
    save('home', { unread: 2 });
    setDevOpenid('demo-villager-2');
    expect(renderHook(() => useLoad(never, { cacheKey: 'home' })).result.current.data).toBeNull();
  });
});

describe('useLoad without a cache key', () => {
  it('saves nothing and shows a network failure as an error, as before', async () => {
    const load = jest.fn<Promise<{ unread: number }>, []>().mockResolvedValueOnce({ unread: 1 }).mockRejectedValueOnce(noNetwork());
    const { result } = renderHook(() => useLoad(load));
    await waitFor(() => expect(result.current.data).toEqual({ unread: 1 }));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.error).toBe('网络不给力，请检查网络后重试'));
    expect(result.current).toMatchObject({ data: { unread: 1 }, offline: false, savedAt: null });
    expect(Taro.getStorageSync('cache:demo-villager-1:home')).toBe('');
  });
});

type Loader = jest.Mock<Promise<Page<string>>, [PageRequest]>;
const firstPage: Page<string> = { items: ['a', 'b'], nextCursor: 'c1' };

describe('usePaged with a cache key', () => {
  it('shows the saved first page at once, with its cursor for more', () => {
    save('my-wishes', firstPage);
    const { result } = renderHook(() => usePaged(never, { cacheKey: 'my-wishes' }));
    expect(result.current).toMatchObject({ items: ['a', 'b'], hasMore: true, loading: true, offline: false });
  });

  it('saves the first page only, not the pages appended to it', async () => {
    const load: Loader = jest
      .fn()
      .mockResolvedValueOnce(firstPage)
      .mockResolvedValueOnce({ items: ['c'], nextCursor: null });
    const { result } = renderHook(() => usePaged(load, { cacheKey: 'my-wishes' }));
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b', 'c']));
    expect(stored('my-wishes').data).toEqual(firstPage);
  });

  it('keeps the saved list, marked offline, when the first page cannot be read, and retries it', async () => {
    save('my-wishes', firstPage);
    const load: Loader = jest.fn().mockRejectedValueOnce(new CloudError('CLOUD.GAVE_UP', '…'));
    const { result } = renderHook(() => usePaged(load, { cacheKey: 'my-wishes' }));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toMatchObject({ items: ['a', 'b'], offline: true, savedAt: SAVED_AT, error: null });

    load.mockResolvedValueOnce({ items: ['new', 'a', 'b'], nextCursor: null });
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.items).toEqual(['new', 'a', 'b']));
    expect(load).toHaveBeenLastCalledWith({});
    expect(result.current).toMatchObject({ offline: false, savedAt: null, hasMore: false });
  });

  it('says why when a next page cannot be read, and stays online: the list shown is fresh', async () => {
    const load: Loader = jest.fn().mockResolvedValueOnce(firstPage).mockRejectedValueOnce(noNetwork());
    const { result } = renderHook(() => usePaged(load, { cacheKey: 'my-wishes' }));
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.error).toBe('网络不给力，请检查网络后重试'));
    expect(result.current.offline).toBe(false);
  });

  it('shows a refusal as an error, not as offline', async () => {
    save('my-wishes', firstPage);
    const load: Loader = jest.fn().mockRejectedValueOnce(notBound());
    const { result } = renderHook(() => usePaged(load, { cacheKey: 'my-wishes' }));
    await waitFor(() => expect(result.current.error).toBe('请先用邀请码绑定身份'));
    expect(result.current.offline).toBe(false);
  });
});

describe('usePaged without a cache key', () => {
  it('saves nothing and shows a failed first page as an error, as before', async () => {
    const load: Loader = jest.fn().mockResolvedValueOnce(firstPage).mockRejectedValueOnce(noNetwork());
    const { result } = renderHook(() => usePaged(load));
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.error).toBe('网络不给力，请检查网络后重试'));
    expect(result.current).toMatchObject({ items: ['a', 'b'], offline: false, savedAt: null });
    expect(Taro.getStorageSync('cache:demo-villager-1:my-wishes')).toBe('');
  });
});
