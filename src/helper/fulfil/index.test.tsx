import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { uploadPhoto } from '../../services/upload';
import Fulfil from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
jest.mock('../../services/upload', () => ({ uploadPhoto: jest.fn() }));
const cloud = callCloud as jest.Mock;
const upload = uploadPhoto as jest.Mock;
const send = jest.fn();
const { CloudError } = jest.requireActual('../../services/cloud');
const afterToast = { timeout: 3000 };

beforeEach(() => {
  Taro.clearStorageSync();
  send.mockReset();
  upload.mockReset().mockImplementation(async (path: string) => `cloud://env/proof/${path.split('/').pop()}`);
  cloud
    .mockReset()
    .mockImplementation((_fn: unknown, action: string, input: unknown) =>
      action === 'get' ? Promise.resolve({ summary: '孙女想要一盏护眼台灯' }) : send(action, input),
    );
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'w1' } } });
  (Taro.redirectTo as jest.Mock).mockClear();
  (Taro.chooseImage as jest.Mock).mockReset();
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

async function typeNote(container: HTMLElement, text: string) {
  const area = await waitFor(() => {
    const el = container.querySelector('textarea');
    if (!el) throw new Error('textarea not ready');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
}
async function addPhotos(...paths: string[]) {
  (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: paths });
  fireEvent.click(screen.getByText(/^添加照片/));
  await screen.findByLabelText(`第 ${paths.length} 张照片`);
}

describe('the delivery form', () => {
  it('shows which wish it is and asks for a note before sending anything', async () => {
    const { container } = render(<Fulfil />);
    expect(await screen.findByText('孙女想要一盏护眼台灯')).toBeTruthy();
    fireEvent.click(screen.getByText('确认已送达'));
    expect(await screen.findByText(/送达说明至少写 2 个字/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    await typeNote(container, '已送到');
    await waitFor(() => expect(screen.queryByText(/送达说明至少写 2 个字/)).toBeNull());
  });

  it('uploads the photos, sends their file ids with the note, then shows the wish', async () => {
    send.mockResolvedValueOnce({ id: 'w1', status: 'fulfilled' });
    const { container } = render(<Fulfil />);
    await typeNote(container, '  12月3日把台灯送到家里，交给了奶奶 ');
    await addPhotos('/tmp/a.jpg', '/tmp/b.jpg');
    fireEvent.click(screen.getByText('确认已送达'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/wish/detail/index?id=w1' }), afterToast);
    expect(upload.mock.calls).toEqual([['/tmp/a.jpg'], ['/tmp/b.jpg']]);
    expect(send).toHaveBeenCalledWith('fulfil', {
      id: 'w1',
      note: '12月3日把台灯送到家里，交给了奶奶',
      photos: ['cloud://env/proof/a.jpg', 'cloud://env/proof/b.jpg'],
    });
  });

  it('sends no photos field when there are none, and sends once however often it is tapped', async () => {
    let answer!: (v: unknown) => void;
    send.mockImplementationOnce(() => new Promise((ok) => (answer = ok)));
    const { container } = render(<Fulfil />);
    await typeNote(container, '已送到家里');
    fireEvent.click(screen.getByText('确认已送达'));
    fireEvent.click(await screen.findByText('正在提交…'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('fulfil', { id: 'w1', note: '已送到家里' });
    await act(async () => answer({ id: 'w1', status: 'fulfilled' }));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled(), afterToast);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal in Chinese and, on retry, does not upload a photo twice', async () => {
    send
      .mockRejectedValueOnce(new CloudError('WISH.CONTENT_RISKY', '内容可能不合适，请修改后再提交'))
      .mockResolvedValueOnce({ id: 'w1', status: 'fulfilled' });
    const { container } = render(<Fulfil />);
    await typeNote(container, '已送到家里');
    await addPhotos('/tmp/a.jpg');
    fireEvent.click(screen.getByText('确认已送达'));
    expect(await screen.findByText('！内容可能不合适，请修改后再提交')).toBeTruthy();
    fireEvent.click(screen.getByText('确认已送达'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled(), afterToast);
    expect(upload).toHaveBeenCalledTimes(1);
  });

  it('says which photo failed to upload and keeps the form', async () => {
    upload.mockRejectedValueOnce(new Error('uploadFile:fail timeout'));
    const { container } = render(<Fulfil />);
    await typeNote(container, '已送到家里');
    await addPhotos('/tmp/a.jpg');
    fireEvent.click(screen.getByText('确认已送达'));
    expect(await screen.findByText('！第 1 张照片没能传上去，请检查网络后再点一次')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the note and photos when the page is left and opened again', async () => {
    const first = render(<Fulfil />);
    await typeNote(first.container, '已送到家里');
    await addPhotos('/tmp/a.jpg');
    first.unmount();
    render(<Fulfil />);
    expect(await screen.findByText(/已填好您上次没有提交的内容/)).toBeTruthy();
    expect(screen.getByLabelText('第 1 张照片')).toBeTruthy();
  });
});
