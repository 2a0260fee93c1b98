import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RosterEntry } from '../../../types';
import { callCloud } from '../../services/cloud';
import SubmitFor from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Entry = RosterEntry & { householdId?: string };
const entry = (over: Partial<Entry>): Entry => ({
  memberId: 'm1',
  name: '李春花',
  role: 'villager',
  villageName: '杏花村',
  detail: '三组 12 号',
  bound: false,
  householdId: 'h1',
  ...over,
});
const helper = entry({ memberId: 'm9', name: '刘志强', role: 'helper', detail: '县农业农村局', householdId: undefined });

function serve(roster: Entry[], submitFor: () => unknown = () => ({ id: 'w1' })) {
  cloud.mockImplementation(async (_fn: unknown, action: string) =>
    action === 'roster' ? { items: roster, nextCursor: null } : submitFor(),
  );
}
const sent = () => cloud.mock.calls.filter(([, a]) => a === 'submitFor').map(([, , input]) => input as Record<string, unknown>);

async function typeText(text: string) {
  const area = await waitFor(() => {
    const el = document.querySelector('textarea');
    if (!el) throw new Error('textarea not ready');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
}

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
});

describe('recording a wish for a household', () => {
  it('lists only villagers to choose from, the whole roster and not just the unbound', async () => {
    serve([entry({}), helper]);
    render(<SubmitFor />);
    expect(await screen.findByText('李春花')).toBeTruthy();
    expect(screen.queryByText('刘志强')).toBeNull();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'users' }), 'roster', { unboundOnly: false });
  });

  it('checks every field in Chinese, then sends the wish once with a request id', async () => {
    serve([entry({})]);
    render(<SubmitFor />);
    fireEvent.click(await screen.findByText('选这一户'));
    expect(screen.getByText('李春花')).toBeTruthy();
    fireEvent.click(screen.getByText('提交代录的心愿'));
    expect(await screen.findByText(/请选择收集方式/)).toBeTruthy();
    expect(screen.getByText(/请选择心愿类别/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('电话'));
    expect(screen.queryByText(/请选择收集方式/)).toBeNull();
    fireEvent.click(screen.getByLabelText('衣物被褥'));
    await typeText('老人冬天需要一床厚棉被');
    fireEvent.click(screen.getByText('提交代录的心愿'));
    fireEvent.click(screen.getByText('正在提交…'));
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toEqual({
      householdId: 'h1',
      channel: 'phone',
      category: 'clothing',
      text: '老人冬天需要一床厚棉被',
      requestId: expect.stringMatching(UUID_V4),
    });
    expect(await screen.findByText('已为李春花家代录，等待审核')).toBeTruthy();
  });

  it('retries after a lost answer with the same request id', async () => {
    let n = 0;
    serve([entry({})], () => {
      n += 1;
      if (n === 1) throw new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
      return { id: 'w1' };
    });
    render(<SubmitFor />);
    fireEvent.click(await screen.findByText('选这一户'));
    fireEvent.click(screen.getByLabelText('入户走访'));
    fireEvent.click(screen.getByLabelText('生活用品'));
    await typeText('想要一个电热水壶');
    fireEvent.click(screen.getByText('提交代录的心愿'));
    expect(await screen.findByText('！服务器响应超时，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('提交代录的心愿'));
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[0].requestId).toBe(sent()[1].requestId);
  });

  it('says plainly when the roster gives no household to record for, and sends nothing', async () => {
    serve([entry({ householdId: undefined })]);
    render(<SubmitFor />);
    fireEvent.click(await screen.findByText('选这一户'));
    expect(screen.getByText(/暂时不能为这户代录/)).toBeTruthy();
    fireEvent.click(screen.getByText('提交代录的心愿'));
    expect(sent()).toEqual([]);
  });
});
