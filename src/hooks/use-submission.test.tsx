import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setDevOpenid } from '../services/dev-identity';
import { useSubmission } from './use-submission';

/** A request the test answers by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('a submission', () => {
  it('sends once while a request is in flight, and says it is pending', async () => {
    const { result } = renderHook(() => useSubmission());
    const reply = deferred<string>();
    const send = jest.fn(() => reply.promise);
    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.submit('wish A', send);
      second = result.current.submit('wish A', send);
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toBe('wish A');
    await expect(second).resolves.toEqual({ sent: false });
    await act(async () => reply.resolve('w1'));
    await expect(first).resolves.toEqual({ sent: true, value: 'w1' });
    expect(result.current.pending).toBeNull();
  });

  it('keeps the request id for a retry of the same content and draws a new one for other content or after a success', async () => {
    const { result } = renderHook(() => useSubmission());
    const ids: string[] = [];
    const fail = async (id: string) => {
      ids.push(id);
      throw new Error('timeout');
    };
    const succeed = async (id: string) => {
      ids.push(id);
      return 'ok';
    };
    await act(async () => {
      await expect(result.current.submit('A', fail)).rejects.toThrow('timeout');
      await expect(result.current.submit('A', fail)).rejects.toThrow('timeout');
      await result.current.submit('A', succeed);
      await result.current.submit('A', succeed);
      await expect(result.current.submit('B', fail)).rejects.toThrow('timeout');
      await result.current.submit('C', succeed);
    });
    const [a1, a2, a3, again, b, c] = ids;
    expect(a2).toBe(a1);
    expect(a3).toBe(a1);
    expect(new Set([a1, again, b, c]).size).toBe(4);
    expect(result.current.pending).toBeNull();
  });

  it('still answers a content tried before with its first id after trying another in between', async () => {
    const { result } = renderHook(() => useSubmission());
    const ids: string[] = [];
    const fail = async (id: string) => {
      ids.push(id);
      throw new Error('timeout');
    };
    await act(async () => {
      for (const content of ['A', 'B', 'A']) await expect(result.current.submit(content, fail)).rejects.toThrow();
    });
    expect(ids[2]).toBe(ids[0]);
    expect(ids[1]).not.toBe(ids[0]);
  });
});

describe('a submission kept on the phone (useSubmission with a form name)', () => {
  const fail = (ids: string[]) => async (id: string) => {
    ids.push(id);
    throw new Error('timeout');
  };
  const succeed = (ids: string[]) => async (id: string) => {
    ids.push(id);
    return 'ok';
  };

  beforeEach(() => {
    Taro.clearStorageSync();
    setDevOpenid('demo-villager-1');
  });
  afterEach(() => jest.useRealTimers());

  /** Opens the form, tries `content` once with `send`, and closes the app. */
  async function tryOnce(content: string, send: (id: string) => Promise<string>, persistAs: string | null = 'wish-new') {
    const { result, unmount } = renderHook(() => useSubmission(persistAs ?? undefined));
    await act(async () => {
      await result.current.submit(content, send).catch(() => undefined);
    });
    unmount();
  }

  it('retries with the first id after the app was closed while the answer was lost', async () => {
    const ids: string[] = [];
    await tryOnce('A', fail(ids));
    await tryOnce('A', succeed(ids));
    expect(ids[1]).toBe(ids[0]);
  });

  it('draws a new id after a success, also across a restart', async () => {
    const ids: string[] = [];
    await tryOnce('A', succeed(ids));
    await tryOnce('A', succeed(ids));
    expect(ids[1]).not.toBe(ids[0]);
    expect(Taro.getStorageSync('request-ids:demo-villager-1:wish-new')).toBe('');
  });

  it('keeps the id before the request goes out, so closing the app mid-request loses nothing', async () => {
    const { result } = renderHook(() => useSubmission('wish-new'));
    let sentId = '';
    act(() => {
      void result.current.submit('A', (id) => {
        sentId = id;
        return new Promise(() => undefined);
      });
    });
    expect(Taro.getStorageSync('request-ids:demo-villager-1:wish-new')).toEqual([['A', sentId, expect.any(Number)]]);
  });

  it('forgets an id after a day: the same words sent much later are a new wish', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T08:00:00+08:00') });
    const ids: string[] = [];
    await tryOnce('A', fail(ids));
    jest.setSystemTime(new Date('2026-11-27T07:59:59+08:00'));
    await tryOnce('A', fail(ids));
    jest.setSystemTime(new Date('2026-11-27T08:00:00+08:00'));
    await tryOnce('A', fail(ids));
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('keeps the ten newest contents tried', async () => {
    const ids: string[] = [];
    for (let i = 0; i <= 10; i++) await tryOnce(`wish ${i}`, fail(ids));
    await tryOnce('wish 1', fail(ids));
    await tryOnce('wish 0', fail(ids));
    expect(ids[11]).toBe(ids[1]);
    expect(ids[12]).not.toBe(ids[0]);
  });

  it('keeps nothing on the phone without a form name', async () => {
    const ids: string[] = [];
    await tryOnce('A', fail(ids), null);
    await tryOnce('A', fail(ids), null);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
