import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import WishNew from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const created = {
  id: 'w1',
  category: 'study',
  text: '孙子上学需要一个书包',
  status: 'pending_review',
  createdAt: '2026-11-24T02:00:00.000Z',
};
const { CloudError } = jest.requireActual('../../services/cloud');
const timeout = () => new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
/** The request ids sent so far, in order. */
const sentIds = () => cloud.mock.calls.map(([, , input]) => (input as { requestId: string }).requestId);

beforeEach(() => {
  cloud.mockReset();
  (Taro.redirectTo as jest.Mock).mockClear();
});

/** Taro's H5 textarea is a custom element whose inner <textarea> appears a moment after render. */
async function typeWish(container: HTMLElement, text: string) {
  const area = await waitFor(() => {
    const el = container.querySelector('textarea');
    if (!el) throw new Error('textarea not ready');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
}

describe('the wish form', () => {
  it('explains in Chinese what is missing and sends nothing', async () => {
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('生活用品'));
    await typeWish(container, '要');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText('心愿至少写 5 个字')).toBeTruthy();

    fireEvent.click(screen.getByText('提交心愿'));
    expect(cloud).not.toHaveBeenCalled();
  });

  it('asks for a category before anything is sent', async () => {
    const { container } = render(<WishNew />);
    await typeWish(container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText('请选择心愿类别')).toBeTruthy();
    expect(cloud).not.toHaveBeenCalled();
  });

  it('submits the chosen category and trimmed text, then shows the villager their wishes', async () => {
    cloud.mockResolvedValueOnce({
      id: 'w1',
      category: 'study',
      text: '孙子上学需要一个书包',
      status: 'pending_review',
      createdAt: '2026-11-24T02:00:00.000Z',
    });
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '  孙子上学需要一个书包  ');
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/my-wishes/index' }));
    expect(cloud).toHaveBeenCalledWith('wishes', 'submit', {
      category: 'study',
      text: '孙子上学需要一个书包',
      requestId: expect.stringMatching(UUID_V4),
    });
  });

  it("shows the function's refusal and stays on the form", async () => {
    cloud.mockRejectedValueOnce(new CloudError('WISH.TOO_MANY_OPEN', '您还有未完成的心愿，最多同时提交 3 个'));
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('其他'));
    await typeWish(container, '想要一台收音机听新闻');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText('您还有未完成的心愿，最多同时提交 3 个')).toBeTruthy();
  });

  it('sends once when the villager taps twice, and keeps the button busy until the answer comes', async () => {
    let answer!: (w: unknown) => void;
    cloud.mockImplementationOnce(() => new Promise((ok) => (answer = ok)));
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    fireEvent.click(screen.getByText('正在提交…'));
    fireEvent.click(screen.getByText('正在提交…'));
    expect(cloud).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.submit')?.className).toContain('is-busy');

    await act(async () => answer(created));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    // Done, and still not tappable: another tap now would be a second wish.
    fireEvent.click(screen.getByText('已提交'));
    expect(cloud).toHaveBeenCalledTimes(1);
  });

  it('retries a submission that timed out with the same request id, so the wish is not created twice', async () => {
    cloud.mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout()).mockResolvedValueOnce(created);
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    for (let attempt = 1; attempt <= 2; attempt++) {
      fireEvent.click(screen.getByText('提交心愿'));
      expect(await screen.findByText('服务器响应超时，请稍后再试')).toBeTruthy();
    }
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/my-wishes/index' }));
    const ids = sentIds();
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(1);
  });

  it('draws a new request id once the villager changes the wish after a failure', async () => {
    cloud.mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout());
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    await screen.findByText('服务器响应超时，请稍后再试');

    await typeWish(container, '孙子上学需要一个新书包');
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(cloud).toHaveBeenCalledTimes(2));
    await screen.findByText('服务器响应超时，请稍后再试');

    fireEvent.click(screen.getByText('衣物被褥'));
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(cloud).toHaveBeenCalledTimes(3));
    expect(new Set(sentIds()).size).toBe(3);
  });
});
