import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { typeInto } from '../../../test/doubles/type-into';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { notice, profileOf } from '../test-fixtures';
import PublishNotice from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const UUID = /^[0-9a-f-]{36}$/;
const villages = [
  { id: 'v-xinghua', name: '杏花村' },
  { id: 'v-liuxi', name: '柳溪村' },
];

/** Answers as the function would; `publish` as given. */
function answering(publish: () => unknown = () => notice({ id: 'n9', title: '关于冬季防火的通知' })) {
  cloud.mockImplementation(async ({ name }: { name: string }, action: string) => {
    if (name !== 'notices') throw new Error(`unexpected ${name}`);
    if (action === 'villages') return { items: villages };
    if (action === 'publish') return publish();
    throw new Error(`unexpected ${action}`);
  });
}
const published = () => cloud.mock.calls.filter(([, a]) => a === 'publish').map(([, , input]) => input as Record<string, unknown>);

async function fill(title = '关于冬季防火的通知', body = '冬季天干物燥，请大家不要在田间地头焚烧秸秆。') {
  await typeInto('通知内容', body);
  const input = (await screen.findByLabelText('通知标题')).querySelector('input') ?? screen.getByLabelText('通知标题');
  fireEvent.input(input, { target: { value: title } });
}
const confirm = () => fireEvent.click(within(screen.getByRole('dialog')).getByText('发出'));

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  answering();
  (Taro.redirectTo as jest.Mock).mockClear();
  writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
});

describe('发通知', () => {
  it('sends a cadre’s notice to their village after a confirmation, with one request id, and says it went', async () => {
    render(<PublishNotice />);
    expect(screen.getByText('发给：杏花村用小程序的每一个人')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('农事提醒'));
    await fill();
    fireEvent.click(screen.getByText('发出通知'));
    expect(await screen.findByText('发出后，杏花村用小程序的人都会收到，发出后不能修改。')).toBeTruthy();
    expect(published()).toEqual([]);
    confirm();
    expect(await screen.findByText('✓ 通知已发出')).toBeTruthy();
    expect(published()).toEqual([
      {
        kind: 'farming',
        title: '关于冬季防火的通知',
        body: '冬季天干物燥，请大家不要在田间地头焚烧秸秆。',
        requestId: expect.stringMatching(UUID),
      },
    ]);
    expect(cloud.mock.calls.map(([, a]) => a)).not.toContain('villages');
    fireEvent.click(screen.getByText('看看谁读了'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/notice/detail/index?id=n9' });
  });

  it('sends nothing and keeps the text when the question is answered 取消', async () => {
    render(<PublishNotice />);
    await fill();
    fireEvent.click(screen.getByText('发出通知'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(published()).toEqual([]);
    expect(screen.queryByText('✓ 通知已发出')).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>('通知内容').value).toBe('冬季天干物燥，请大家不要在田间地头焚烧秸秆。');
  });

  it('says what is missing at each field and sends nothing', async () => {
    render(<PublishNotice />);
    fireEvent.click(screen.getByText('发出通知'));
    expect(await screen.findByText('！标题至少 2 个字')).toBeTruthy();
    expect(screen.getByText('！内容至少 5 个字')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(published()).toEqual([]);
  });

  it('shows a rejected text at the field, and retries with the same request id', async () => {
    let first = true;
    answering(() => {
      if (first) {
        first = false;
        throw new CloudError('CONTENT.REJECTED', '内容里有不适合发布的词句，请修改后再发');
      }
      return notice({ id: 'n9' });
    });
    render(<PublishNotice />);
    await fill();
    fireEvent.click(screen.getByText('发出通知'));
    confirm();
    const error = await screen.findByText('！内容里有不适合发布的词句，请修改后再发');
    expect(error.closest('.kit-field')?.textContent).toContain('内容');
    fireEvent.click(screen.getByText('发出通知'));
    confirm();
    await screen.findByText('✓ 通知已发出');
    const [a, b] = published();
    expect(a.requestId).toBe(b.requestId);
  });

  it('lets an office send to every village of its area by default, or to the ones it picks', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    render(<PublishNotice />);
    expect(await screen.findByLabelText('柳溪村')).toBeTruthy();
    expect(screen.getByLabelText('全部村').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('默认发给您负责的所有村')).toBeTruthy();
    await fill();
    fireEvent.click(screen.getByText('发出通知'));
    expect(await screen.findByText('发出后，您负责的所有村用小程序的人都会收到，发出后不能修改。')).toBeTruthy();
    confirm();
    await screen.findByText('✓ 通知已发出');
    expect(published()[0]).not.toHaveProperty('villageIds');
  });

  it('counts every village picked one by one as all of them, and none left as all again', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    render(<PublishNotice />);
    fireEvent.click(await screen.findByLabelText('柳溪村'));
    fireEvent.click(screen.getByLabelText('杏花村'));
    expect(screen.getByLabelText('全部村').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByLabelText('杏花村').getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByLabelText('杏花村'));
    fireEvent.click(screen.getByLabelText('杏花村'));
    expect(screen.getByLabelText('全部村').getAttribute('aria-checked')).toBe('true');
  });

  it('sends an office’s notice to the villages picked', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    render(<PublishNotice />);
    fireEvent.click(await screen.findByLabelText('柳溪村'));
    expect(screen.getByLabelText('柳溪村').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByLabelText('全部村').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('已选 1 个村')).toBeTruthy();
    await fill();
    fireEvent.click(screen.getByText('发出通知'));
    confirm();
    await waitFor(() => expect(published()).toHaveLength(1));
    expect(published()[0].villageIds).toEqual(['v-liuxi']);
  });
});
