import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { uploadPhoto } from '../../services/upload';
import { FakeRecognition, installSpeechRecognition } from '../../../test/doubles/speech-recognition';
import WishNew from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
jest.mock('../../services/upload', () => ({ uploadPhoto: jest.fn() }));
const upload = uploadPhoto as jest.Mock;
/** The wish box's submits; the page's quota question is answered apart, by `quota`. */
const send = jest.fn();
let quota = { open: 0, max: 3 };

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
const sentIds = () => send.mock.calls.map(([, , input]) => (input as { requestId: string }).requestId);
/** Long enough for the success toast to be read before the page moves on. */
const afterToast = { timeout: 3000 };

beforeEach(() => {
  Taro.clearStorageSync();
  send.mockReset();
  quota = { open: 0, max: 3 };
  cloud
    .mockReset()
    .mockImplementation(({ name }: { name: string }, action: string, input: unknown) =>
      action === 'quota' ? Promise.resolve(quota) : send(name, action, input),
    );
  (Taro.redirectTo as jest.Mock).mockClear();
  upload.mockReset().mockImplementation(async (path: string) => `cloud://env/wish-photos/${path.split('/').pop()}`);
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
    expect(await screen.findByText(/心愿至少写 5 个字/)).toBeTruthy();

    fireEvent.click(screen.getByText('提交心愿'));
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for a category before anything is sent', async () => {
    const { container } = render(<WishNew />);
    await typeWish(container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/请选择心愿类别/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('submits the chosen category and trimmed text, then shows the villager their wishes', async () => {
    send.mockResolvedValueOnce({
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
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/wish/mine/index' }), afterToast);
    expect(send).toHaveBeenCalledWith('wishes', 'submit', {
      category: 'study',
      text: '孙子上学需要一个书包',
      requestId: expect.stringMatching(UUID_V4),
    });
  });

  it("shows the function's refusal and stays on the form", async () => {
    send.mockRejectedValueOnce(new CloudError('WISH.TOO_MANY_OPEN', '您还有未完成的心愿，最多同时提交 3 个'));
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('其他'));
    await typeWish(container, '想要一台收音机听新闻');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/您还有未完成的心愿，最多同时提交 3 个/)).toBeTruthy();
  });

  it('sends once when the villager taps twice, and keeps the button busy until the answer comes', async () => {
    let answer!: (w: unknown) => void;
    send.mockImplementationOnce(() => new Promise((ok) => (answer = ok)));
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    fireEvent.click(screen.getByText('正在提交…'));
    fireEvent.click(screen.getByText('正在提交…'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.submit')?.className).toContain('is-busy');

    await act(async () => answer(created));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled(), afterToast);
    // Done, and still not tappable: another tap now would be a second wish.
    fireEvent.click(screen.getByText('已提交'));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries a submission that timed out with the same request id, so the wish is not created twice', async () => {
    send.mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout()).mockResolvedValueOnce(created);
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    for (let attempt = 1; attempt <= 2; attempt++) {
      fireEvent.click(screen.getByText('提交心愿'));
      expect(await screen.findByText(/服务器响应超时，请稍后再试/)).toBeTruthy();
    }
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/wish/mine/index' }), afterToast);
    const ids = sentIds();
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(1);
  });

  it('draws a new request id once the villager changes the wish after a failure', async () => {
    send.mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout());
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    await screen.findByText(/服务器响应超时，请稍后再试/);

    await typeWish(container, '孙子上学需要一个新书包');
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await screen.findByText(/服务器响应超时，请稍后再试/);

    fireEvent.click(screen.getByText('衣物被褥'));
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(3));
    expect(new Set(sentIds()).size).toBe(3);
  });

  it('says the household is at its cap before the villager types anything', async () => {
    quota = { open: 3, max: 3 };
    render(<WishNew />);
    expect(await screen.findByText(/您家已有 3 个心愿正在办理/)).toBeTruthy();
    expect(screen.queryByText('提交心愿')).toBeNull();
    fireEvent.click(screen.getByText('查看我的心愿'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/wish/mine/index' });
  });

  it('clears a field error as soon as the field is fixed', async () => {
    const { container } = render(<WishNew />);
    await typeWish(container, '要');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/心愿至少写 5 个字/)).toBeTruthy();
    expect(screen.getByText(/请选择心愿类别/)).toBeTruthy();
    await typeWish(container, '要一个书包');
    await waitFor(() => expect(screen.queryByText(/心愿至少写 5 个字/)).toBeNull());
    expect(screen.getByText(/请选择心愿类别/)).toBeTruthy();
    fireEvent.click(screen.getByText('学习用品'));
    expect(screen.queryByText(/请选择心愿类别/)).toBeNull();
  });

  it('never cuts a long text: the counter says how much too long it is', async () => {
    const { container } = render(<WishNew />);
    await typeWish(container, '长'.repeat(205));
    expect(screen.getByText('205/200 字（多了 5 字）')).toBeTruthy();
    fireEvent.click(screen.getByText('生活用品'));
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/心愿最多 200 个字/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the request stalls, and after the page is left and opened again', async () => {
    send.mockRejectedValueOnce(new CloudError('CLOUD.GAVE_UP', '网络太慢，已停止等待。您填的内容还在，可以放心再点一次。'));
    const first = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(first.container, '孙子上学需要一个书包');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/网络太慢/)).toBeTruthy();
    first.unmount();

    const again = render(<WishNew />);
    expect(await screen.findByText(/已填好您上次没有提交的内容/)).toBeTruthy();
    expect(
      again.container.querySelector('textarea')?.value ??
        (again.container.querySelector('taro-textarea-core') as { value?: string } | null)?.value,
    ).toBe('孙子上学需要一个书包');
    expect(screen.getByLabelText('学习用品').getAttribute('aria-checked')).toBe('true');
    send.mockResolvedValueOnce(created);
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled(), afterToast);
    // The retry after the stall carried the first request id: the function answers the first wish if it got it.
    expect(new Set(sentIds()).size).toBe(1);
    again.unmount();
    render(<WishNew />);
    await screen.findByText('提交心愿');
    expect(screen.queryByText(/已填好您上次没有提交的内容/)).toBeNull();
  });

  it('adds what the villager says to the wish text, where the phone can listen', async () => {
    const remove = installSpeechRecognition();
    try {
      const { container } = render(<WishNew />);
      await typeWish(container, '孙子上学');
      fireEvent.click(screen.getByText('点我说话'));
      act(() => {
        FakeRecognition.latest().hear('需要一个书包');
        FakeRecognition.latest().end();
      });
      expect(screen.getByText('10/200 字')).toBeTruthy();
    } finally {
      remove();
    }
  });
});

describe('the value and photos of a wish', () => {
  /** Taro's H5 input is a custom element whose inner <input> appears a moment after render. */
  async function typeValue(text: string) {
    const host = await screen.findByLabelText('估计价值（元）');
    const input = await waitFor(() => {
      const el = host.querySelector('input') ?? (host.tagName === 'INPUT' ? host : null);
      if (!el) throw new Error('input not ready');
      return el;
    });
    fireEvent.input(input, { target: { value: text } });
  }

  it('refuses a value that is not whole yuan or is beyond a micro-wish, and clears the error once fixed', async () => {
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    await typeValue('12.5');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/估计价值请填整数（元）/)).toBeTruthy();
    await typeValue('900');
    expect(await screen.findByText(/微心愿的估计价值最多 500 元/)).toBeTruthy();
    await typeValue('80');
    await waitFor(() => expect(screen.queryByText(/估计价值/, { selector: '.error-text' })).toBeNull());
    expect(send).not.toHaveBeenCalled();
  });

  it('uploads the photos on submit and sends their file ids and the value with one request id', async () => {
    send.mockResolvedValueOnce(created);
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '孙子上学需要一个书包');
    await typeValue('80');
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['/tmp/bag.jpg', '/tmp/old.jpg'] });
    fireEvent.click(screen.getByText(/^添加照片/));
    await screen.findByLabelText('第 2 张照片');
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled(), afterToast);
    expect(upload.mock.calls).toEqual([['/tmp/bag.jpg'], ['/tmp/old.jpg']]);
    expect(send).toHaveBeenCalledWith('wishes', 'submit', {
      category: 'study',
      text: '孙子上学需要一个书包',
      value: 80,
      photos: ['cloud://env/wish-photos/bag.jpg', 'cloud://env/wish-photos/old.jpg'],
      requestId: expect.stringMatching(UUID_V4),
    });
  });

  it('keeps the photos in the draft, and sends nothing when a photo cannot be uploaded', async () => {
    upload.mockRejectedValueOnce(new CloudError('UPLOAD.NETWORK', '网络不给力，照片没有传上去，请检查网络后重试'));
    const first = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(first.container, '孙子上学需要一个书包');
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['/tmp/bag.jpg'] });
    fireEvent.click(screen.getByText(/^添加照片/));
    await screen.findByLabelText('第 1 张照片');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText(/照片没有传上去/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    first.unmount();
    render(<WishNew />);
    expect(await screen.findByLabelText('第 1 张照片')).toBeTruthy();
  });
});
