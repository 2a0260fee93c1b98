import { act, renderHook } from '@testing-library/react';
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
