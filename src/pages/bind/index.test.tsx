import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import Bind from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

beforeEach(() => {
  cloud.mockReset();
  (Taro.reLaunch as jest.Mock).mockClear();
});
/** Long enough for the success toast to be read before the page moves on. */
const afterToast = { timeout: 3000 };

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
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'users' }), 'bind', { code: 'ABCD2345' });
    await act(async () => answer({}));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }), afterToast);
    // Bound and on the way home: another tap would only answer 已绑定.
    fireEvent.click(screen.getByText('正在绑定…'));
    expect(cloud).toHaveBeenCalledTimes(1);
  });

  it('says what is wrong with a code before sending it', async () => {
    const { container } = render(<Bind />);
    await typeCode(container, 'abc');
    // Too short is only said at 绑定: the person may still be typing.
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByText('绑定'));
    expect(await screen.findByText(/邀请码是 8 位，您填了 3 位/)).toBeTruthy();
    expect(cloud).not.toHaveBeenCalled();
  });

  it('names a character no code has as soon as it is typed, and forgets it once fixed', async () => {
    const { container } = render(<Bind />);
    await typeCode(container, 'AB0');
    expect(await screen.findByText(/没有数字 0 和字母 O/)).toBeTruthy();
    await typeCode(container, 'AB8');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('reads full-width letters, spaces and dashes, showing the code it will check', async () => {
    cloud.mockResolvedValueOnce({});
    const { container } = render(<Bind />);
    await typeCode(container, 'ａｂｃｄ－２３４５');
    expect(await screen.findByText('将核对：ABCD 2345')).toBeTruthy();
    fireEvent.click(screen.getByText('绑定'));
    await waitFor(() => expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'users' }), 'bind', { code: 'ABCD2345' }));
  });

  it('fills in the code a shared card or a scanned 小程序码 brought', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValueOnce({ router: { params: { scene: encodeURIComponent('code=WXYZ6789') } } });
    cloud.mockResolvedValueOnce({});
    render(<Bind />);
    expect(screen.getByText(/已为您填好邀请码/)).toBeTruthy();
    fireEvent.click(screen.getByText('绑定'));
    await waitFor(() => expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'users' }), 'bind', { code: 'WXYZ6789' }));
  });
});
