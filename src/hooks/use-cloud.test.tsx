import { act, renderHook, waitFor } from '@testing-library/react';
import { showPage } from '../../test/doubles/taro';
import { CloudError } from '../services/cloud';
import { usePaged, useRefreshOnReturn, type Page, type PageRequest } from './use-cloud';

type Loader = jest.Mock<Promise<Page<string>>, [PageRequest]>;

/** Pages of a list that keyset-pages: each page names the cursor of the next, the last says null. */
function pages(...answers: Page<string>[]): Loader {
  const load: Loader = jest.fn();
  for (const a of answers) load.mockResolvedValueOnce(a);
  return load;
}

async function loaded(load: Loader) {
  const hook = renderHook(() => usePaged(load));
  await waitFor(() => expect(hook.result.current.loading).toBe(false));
  return hook;
}

describe('usePaged', () => {
  it('asks for the first page without a cursor', async () => {
    const load = pages({ items: ['a'], nextCursor: null });
    const { result } = await loaded(load);
    expect(load).toHaveBeenCalledWith({});
    expect(result.current.items).toEqual(['a']);
  });

  it('appends the next page, read from the cursor the page before gave, until a page says null', async () => {
    const load = pages(
      { items: ['a', 'b'], nextCursor: 'c1' },
      { items: ['c', 'd'], nextCursor: 'c2' },
      { items: ['e'], nextCursor: null },
    );
    const { result } = await loaded(load);
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b', 'c', 'd']));
    expect(load).toHaveBeenLastCalledWith({ cursor: 'c1' });
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b', 'c', 'd', 'e']));
    expect(load).toHaveBeenLastCalledWith({ cursor: 'c2' });
    expect(result.current.hasMore).toBe(false);

    act(() => result.current.loadMore());
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('has nothing more when the first page is the last', async () => {
    const { result } = await loaded(pages({ items: ['a'], nextCursor: null }));
    expect(result.current.hasMore).toBe(false);
  });

  it('asks once when "more" is tapped twice before the page arrives', async () => {
    let answer!: (p: Page<string>) => void;
    const load = pages({ items: ['a'], nextCursor: 'c1' });
    load.mockImplementationOnce(() => new Promise((ok) => (answer = ok)));
    const { result } = await loaded(load);
    act(() => {
      result.current.loadMore();
      result.current.loadMore();
    });
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => answer({ items: ['b'], nextCursor: null }));
    expect(result.current.items).toEqual(['a', 'b']);
  });

  it('starts again from the first page on reload, replacing what was shown', async () => {
    const load = pages({ items: ['a'], nextCursor: 'c1' }, { items: ['b'], nextCursor: null }, { items: ['new', 'a'], nextCursor: 'c9' });
    const { result } = await loaded(load);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.items).toEqual(['new', 'a']));
    expect(load).toHaveBeenLastCalledWith({});
    expect(result.current.hasMore).toBe(true);
  });

  it('keeps what it has when the next page fails, shows why, and retries that same page', async () => {
    const load = pages({ items: ['a'], nextCursor: 'c1' });
    load.mockRejectedValueOnce(new CloudError('COMMON.NETWORK', '网络不给力，请检查网络后重试'));
    load.mockResolvedValueOnce({ items: ['b'], nextCursor: null });
    const { result } = await loaded(load);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.error).toBe('网络不给力，请检查网络后重试'));
    expect(result.current.items).toEqual(['a']);

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    expect(load).toHaveBeenLastCalledWith({ cursor: 'c1' });
    expect(result.current.error).toBeNull();
  });

  it('drops an answer that arrives after a reload started', async () => {
    let late!: (p: Page<string>) => void;
    const load = pages({ items: ['a'], nextCursor: 'c1' });
    load.mockImplementationOnce(() => new Promise((ok) => (late = ok)));
    load.mockResolvedValueOnce({ items: ['fresh'], nextCursor: null });
    const { result } = await loaded(load);
    act(() => result.current.loadMore());
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.items).toEqual(['fresh']));
    await act(async () => late({ items: ['stale'], nextCursor: 'c2' }));
    expect(result.current.items).toEqual(['fresh']);
    expect(result.current.hasMore).toBe(false);
  });
});

describe('useRefreshOnReturn', () => {
  it('refreshes when the user comes back to the page, not on its first show', () => {
    const refresh = jest.fn();
    renderHook(() => useRefreshOnReturn(refresh));
    act(() => showPage());
    expect(refresh).not.toHaveBeenCalled();
    act(() => showPage());
    expect(refresh).toHaveBeenCalledTimes(1);
    act(() => showPage());
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('calls the newest refresh it was given', () => {
    const first = jest.fn();
    const second = jest.fn();
    const { rerender } = renderHook(({ fn }) => useRefreshOnReturn(fn), { initialProps: { fn: first } });
    act(() => showPage());
    rerender({ fn: second });
    act(() => showPage());
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
