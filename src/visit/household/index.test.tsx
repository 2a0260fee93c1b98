import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { HouseholdPage } from '../../../types';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { householdPage, profileOf, visit } from '../test-fixtures';
import Household from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

function serve(page: HouseholdPage, history: () => unknown = () => ({ items: [], nextCursor: null })) {
  cloud.mockImplementation(async ({ name: fn }: { name: string }, action: string) => {
    if (fn === 'visits' && action === 'household') return page;
    if (fn === 'visits' && action === 'history') return history();
    throw new Error(`unexpected ${fn}.${action}`);
  });
}

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'h1' } } });
  (Taro.navigateTo as jest.Mock).mockClear();
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

describe("a household's record book", () => {
  it('shows the facts, the helpers, open tasks, follow-ups and the visits with their four answers', async () => {
    serve(householdPage());
    render(<Household />);
    expect(await screen.findByText('王秀兰家')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'visits' }), 'household', { householdId: 'h1' });
    expect(screen.getByText('脱贫户')).toBeTruthy();
    expect(screen.getByText('陈静')).toBeTruthy();
    expect(screen.getByText('100-0000-9001')).toBeTruthy();
    expect(screen.getByText('例行走访（2026年11月）')).toBeTruthy();
    expect(screen.getByLabelText(/老人腿疼，需要去县医院看，赵明远跟进/)).toBeTruthy();
    const visits = screen.getByRole('region', { name: '走访记录' });
    expect(within(visits).getByText('入户走访')).toBeTruthy();
    expect(within(visits).getByText('生活疾苦：')).toBeTruthy();
    expect(within(visits).getByText('看病有困难')).toBeTruthy();
    expect(within(visits).getByText(/赵明远跟进/)).toBeTruthy();
  });

  it('lets a cadre log a visit or report an event for the household', async () => {
    serve(householdPage());
    render(<Household />);
    fireEvent.click(await screen.findByText('记一次走访'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/visit/log/index?householdId=h1' });
    fireEvent.click(screen.getByText('家里有事，请干部来'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/family/report/index?householdId=h1' });
    fireEvent.click(screen.getByText('代为求助（找干部帮忙）'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/consult/new/index?householdId=h1' });
  });

  it('offers 代为求助 to cadres only: a helper may not enter a request', async () => {
    writeCachedHome({ profile: profileOf('helper', 'm-helper-1'), unread: 0 });
    serve(householdPage());
    render(<Household />);
    await screen.findByText('记一次走访');
    expect(screen.queryByText('代为求助（找干部帮忙）')).toBeNull();
  });

  it('opens a follow-up as its task', async () => {
    serve(householdPage());
    render(<Household />);
    fireEvent.click(await screen.findByLabelText(/老人腿疼，需要去县医院看，赵明远跟进/));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/visit/task/index?id=f1' });
  });

  it('lets an office read the record book but not write in it', async () => {
    writeCachedHome({ profile: profileOf('office', 'm-office-1'), unread: 0 });
    serve(householdPage());
    render(<Household />);
    await screen.findByText('王秀兰家');
    expect(screen.queryByText('记一次走访')).toBeNull();
    expect(screen.queryByText('家里有事，请干部来')).toBeNull();
    expect(screen.queryByText('代为求助（找干部帮忙）')).toBeNull();
  });

  it('reads earlier visits page by page', async () => {
    serve(householdPage({ visits: { items: [visit()], nextCursor: '["2026-11-01","v1"]' } }), () => ({
      items: [visit({ id: 'v0', mode: 'phone', answers: { family: '儿子在外打工', hardship: '正常', needs: '无', intention: '稳定' } })],
      nextCursor: null,
    }));
    render(<Household />);
    fireEvent.click(await screen.findByText('查看更早的走访'));
    expect(await screen.findByText('儿子在外打工')).toBeTruthy();
    expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'visits' }), 'history', {
      householdId: 'h1',
      cursor: '["2026-11-01","v1"]',
    });
    expect(screen.queryByText('查看更早的走访')).toBeNull();
  });

  it('says so when nobody has visited yet', async () => {
    serve(householdPage({ visits: { items: [], nextCursor: null }, openTasks: [], followUps: [], helpers: [] }));
    render(<Household />);
    expect(await screen.findByText('还没有走访记录')).toBeTruthy();
    expect(screen.getByText('还没有结对的帮扶责任人')).toBeTruthy();
  });

  it('says in Chinese when the caller may not read the household', async () => {
    cloud.mockRejectedValue(new CloudError('HOUSEHOLD.NOT_FOUND', '本村花名册里没有这一户'));
    render(<Household />);
    expect(await screen.findByText('！本村花名册里没有这一户')).toBeTruthy();
    expect(screen.queryByText('记一次走访')).toBeNull();
  });
});
