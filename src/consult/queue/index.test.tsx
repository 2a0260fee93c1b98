import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { profileOf } from '../../visit/test-fixtures';
import { inHours, summary } from '../test-fixtures';
import ConsultQueue from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

const open = {
  items: [
    summary({ id: 'c1', overdue: true, dueAt: inHours(-3), escalated: true }),
    summary({ id: 'c2', type: 'letter', householdLabel: '李建国 · 二组 7 号', dueAt: inHours(20) }),
  ],
  nextCursor: null,
  overdue: 1,
};
const done = { items: [summary({ id: 'c3', type: 'forms', status: 'closed' })], nextCursor: null, overdue: 1 };

beforeEach(() => {
  Taro.clearStorageSync();
  writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
  cloud.mockReset().mockImplementation(async (_c: unknown, _a: string, input: { view?: string }) => (input.view === 'done' ? done : open));
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.setNavigationBarTitle as jest.Mock).mockClear();
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } });
});

describe('待办求助', () => {
  it('shows the village’s open requests, overdue ones marked 已超时 in words, and counts them in the tab', async () => {
    render(<ConsultQueue />);
    const late = (await screen.findByText('已超时 3 小时')).closest('.consult-card') as HTMLElement;
    expect(within(late).getByText('王秀兰 · 一组 1 号')).toBeTruthy();
    expect(within(late).getByText('已上报镇里')).toBeTruthy();
    expect(screen.getByText('李建国 · 二组 7 号')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待办，1 条已超时' })).toBeTruthy();
    expect(screen.getByText('已超时 1 条，请先办这些')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'consults' }), 'assigned', { view: 'open' });
    fireEvent.click(late);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/consult/detail/index?id=c1' });
  });

  it('shows the resolved and closed ones under 已办结', async () => {
    render(<ConsultQueue />);
    await screen.findByText('李建国 · 二组 7 号');
    fireEvent.click(screen.getByRole('tab', { name: '已办结' }));
    expect(await screen.findByText('代填表格')).toBeTruthy();
    expect(screen.queryByText('李建国 · 二组 7 号')).toBeNull();
    expect(cloud).toHaveBeenLastCalledWith(expect.anything(), 'assigned', { view: 'done' });
  });

  it('is 求助督办 for an office, about its township’s overdue and escalated requests', async () => {
    writeCachedHome({ profile: profileOf('office', 'm-office-1'), unread: 0 });
    render(<ConsultQueue />);
    expect(await screen.findByText(/超时后上报到镇里的求助/)).toBeTruthy();
    await waitFor(() => expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '求助督办' }));
  });

  it('says so when nothing waits', async () => {
    cloud.mockReset().mockResolvedValue({ items: [], nextCursor: null, overdue: 0 });
    render(<ConsultQueue />);
    expect(await screen.findByText('村里没有等着办的求助')).toBeTruthy();
    expect(screen.queryByText(/请先办这些/)).toBeNull();
  });

  it('tells an office that no request is overdue or escalated, in its own words', async () => {
    writeCachedHome({ profile: profileOf('office', 'm-office-1'), unread: 0 });
    cloud.mockReset().mockResolvedValue({ items: [], nextCursor: null, overdue: 0 });
    render(<ConsultQueue />);
    expect(await screen.findByText('没有超时或上报到镇里的求助')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待督办' })).toBeTruthy();
  });
});
