import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { CloudError } from '../../services/cloud';
import { usePaged, type Page, type PageRequest } from '../../hooks/use-cloud';
import PagedList from './index';

function Names({ load, cacheKey }: { load: (r: PageRequest) => Promise<Page<string>>; cacheKey?: string }) {
  const list = usePaged(load, { cacheKey });
  return <PagedList<string> list={list} emptyText="还没有人" keyOf={(n) => n} render={(n) => <Text className="name">{n}</Text>} />;
}
const shown = (container: HTMLElement) => Array.from(container.querySelectorAll('.name'), (n) => n.textContent);

describe('a paged list', () => {
  it('offers 加载更多 while pages remain, appends each page below the last, and stops at the last page', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce({ items: ['张三', '李四'], nextCursor: 'k1' })
      .mockResolvedValueOnce({ items: ['王五'], nextCursor: null });
    const { container } = render(<Names load={load} />);
    fireEvent.click(await screen.findByText('加载更多'));
    await screen.findByText('王五');
    expect(shown(container)).toEqual(['张三', '李四', '王五']);
    expect(load.mock.calls).toEqual([[{}], [{ cursor: 'k1' }]]);
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('retries the page that failed with 重试, keeping the pages already shown', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce({ items: ['张三'], nextCursor: 'k1' })
      .mockRejectedValueOnce(new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试'))
      .mockResolvedValueOnce({ items: ['李四'], nextCursor: null });
    const { container } = render(<Names load={load} />);
    fireEvent.click(await screen.findByText('加载更多'));
    fireEvent.click(await screen.findByText('重试'));
    await screen.findByText('李四');
    expect(shown(container)).toEqual(['张三', '李四']);
    expect(load).toHaveBeenLastCalledWith({ cursor: 'k1' });
  });

  it('says so when the list is empty', async () => {
    render(<Names load={jest.fn().mockResolvedValue({ items: [], nextCursor: null })} />);
    await waitFor(() => expect(screen.getByText('还没有人')).toBeTruthy());
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('shows the saved first page with a 离线 notice when the network is down, and 重试 reads it again', async () => {
    const first = render(<Names cacheKey="names" load={jest.fn().mockResolvedValue({ items: ['张三', '李四'], nextCursor: 'k1' })} />);
    await screen.findByText('李四');
    first.unmount();

    const load = jest
      .fn()
      .mockRejectedValueOnce(new CloudError('COMMON.NETWORK', '网络连接失败'))
      .mockResolvedValueOnce({ items: ['王五'], nextCursor: null });
    const { container } = render(<Names cacheKey="names" load={load} />);
    expect(await screen.findByText(/网络不通，下面是.*保存的内容/)).toBeTruthy();
    expect(shown(container)).toEqual(['张三', '李四']);
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText('王五');
    expect(screen.queryByText(/网络不通/)).toBeNull();
    expect(shown(container)).toEqual(['王五']);
  });
});
