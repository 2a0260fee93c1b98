import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import WishNew from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

beforeEach(() => cloud.mockReset());

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
    cloud.mockResolvedValueOnce({ id: 'w1', category: 'study', text: '孙子上学需要一个书包', status: 'pending_review', createdAt: '2026-11-24T02:00:00.000Z' });
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('学习用品'));
    await typeWish(container, '  孙子上学需要一个书包  ');
    fireEvent.click(screen.getByText('提交心愿'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/my-wishes/index' }));
    expect(cloud).toHaveBeenCalledWith('wishes', 'submit', { category: 'study', text: '孙子上学需要一个书包' });
  });

  it('shows the function\'s refusal and stays on the form', async () => {
    const { CloudError } = jest.requireActual('../../services/cloud');
    cloud.mockRejectedValueOnce(new CloudError('WISH.TOO_MANY_OPEN', '您还有未完成的心愿，最多同时提交 3 个'));
    const { container } = render(<WishNew />);
    fireEvent.click(screen.getByText('其他'));
    await typeWish(container, '想要一台收音机听新闻');
    fireEvent.click(screen.getByText('提交心愿'));
    expect(await screen.findByText('您还有未完成的心愿，最多同时提交 3 个')).toBeTruthy();
  });
});
