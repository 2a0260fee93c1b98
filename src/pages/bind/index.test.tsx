import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import Bind from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

beforeEach(() => cloud.mockReset());

/** Taro's H5 input is a custom element whose inner <input> appears a moment after render. */
async function typeCode(container: HTMLElement, text: string) {
  const input = await waitFor(() => {
    const el = container.querySelector('input');
    if (!el) throw new Error('input not ready');
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
}

describe('binding with an invite code', () => {
  it('sends the code once when the button is tapped twice, then goes home', async () => {
    let answer!: (v: unknown) => void;
    cloud.mockImplementationOnce(() => new Promise((ok) => (answer = ok)));
    const { container } = render(<Bind />);
    await typeCode(container, 'abcd 2345');
    fireEvent.click(screen.getByText('绑定'));
    fireEvent.click(screen.getByText('正在绑定…'));
    expect(cloud).toHaveBeenCalledTimes(1);
    expect(cloud).toHaveBeenCalledWith('users', 'bind', { code: 'ABCD2345' });
    await act(async () => answer({}));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    // Bound and on the way home: another tap would only answer 已绑定.
    fireEvent.click(screen.getByText('正在绑定…'));
    expect(cloud).toHaveBeenCalledTimes(1);
  });

  it('says what is wrong with a code before sending it', async () => {
    const { container } = render(<Bind />);
    await typeCode(container, 'abc');
    fireEvent.click(screen.getByText('绑定'));
    expect(await screen.findByText('邀请码是 8 位字母和数字')).toBeTruthy();
    expect(cloud).not.toHaveBeenCalled();
  });
});
