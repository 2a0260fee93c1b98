import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { HouseholdRow } from '../../../types';
import { callCloud } from '../../services/cloud';
import { addDays, formatDay } from '../../services/format';
import { writeCachedHome } from '../../services/profile-cache';
import { profileOf, today } from '../test-fixtures';
import MyHouseholds, { nextVisitText } from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

const row = (over: Partial<HouseholdRow> = {}): HouseholdRow => ({
  id: 'h1',
  headName: '王秀兰',
  address: '一组 1 号',
  category: 'lifted',
  urgent: false,
  livesAway: false,
  nextDue: addDays(today, 6),
  overdue: false,
  lastVisitedOn: addDays(today, -20),
  ...over,
});

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  writeCachedHome({ profile: profileOf('helper', 'm-helper-1'), unread: 0 });
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.setNavigationBarTitle as jest.Mock).mockClear();
});

describe("a helper's paired households", () => {
  it('lists each with the next visit due and the last one, overdue said in words', async () => {
    cloud.mockResolvedValue({
      items: [
        row({ id: 'h5', headName: '刘志强', nextDue: addDays(today, -4), overdue: true, livesAway: true }),
        row(),
        row({ id: 'h9', headName: '张春花', category: 'monitored', nextDue: null, lastVisitedOn: null }),
      ],
      nextCursor: null,
    });
    render(<MyHouseholds />);
    expect(await screen.findByText('刘志强家')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'visits' }), 'households', {});
    expect(screen.getByText(/^已逾期 4 天/)).toBeTruthy();
    expect(screen.getByText('不在村')).toBeTruthy();
    expect(screen.getByText(`下次走访：${formatDay(addDays(today, 6))}前，还剩 6 天`)).toBeTruthy();
    expect(screen.getAllByText(`上次走访：${formatDay(addDays(today, -20))}`)).toHaveLength(2);
    expect(screen.getByText('暂时没有要走访的任务')).toBeTruthy();
    expect(screen.getByText('还没有走访记录')).toBeTruthy();
    expect(Taro.setNavigationBarTitle).not.toHaveBeenCalled();
  });

  it('says 紧急 in words on a household with a must-visit open', async () => {
    cloud.mockResolvedValue({ items: [row({ id: 'h3', headName: '李桂芝', urgent: true }), row()], nextCursor: null });
    render(<MyHouseholds />);
    expect(await screen.findByText('李桂芝家')).toBeTruthy();
    expect(screen.getAllByText('紧急')).toHaveLength(1);
  });

  it("opens a household's record book", async () => {
    cloud.mockResolvedValue({ items: [row()], nextCursor: null });
    render(<MyHouseholds />);
    fireEvent.click(await screen.findByText('王秀兰家'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/visit/household/index?id=h1' });
  });

  it('tells a helper with no pairing whom to ask', async () => {
    cloud.mockResolvedValue({ items: [], nextCursor: null });
    render(<MyHouseholds />);
    expect(await screen.findByText('您还没有结对帮扶的户，请联系驻村干部')).toBeTruthy();
  });

  it("is the village's households for a cadre", async () => {
    writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
    cloud.mockResolvedValue({ items: [row()], nextCursor: null });
    render(<MyHouseholds />);
    await screen.findByText('王秀兰家');
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '本村农户' });
  });
});

describe('the next visit in words', () => {
  /** The words as read: the non-breaking spaces that keep 3 天 together are spaces to a reader. */
  const words = (...args: Parameters<typeof nextVisitText>) => {
    const next = nextVisitText(...args);
    return { ...next, text: next.text.replace(/\u00a0/g, ' ') };
  };
  it('says today, overdue by whole days, or how many days are left', () => {
    expect(words({ nextDue: '2026-12-01', overdue: false }, '2026-12-01').text).toBe('今天要走访');
    expect(words({ nextDue: '2026-11-28', overdue: true }, '2026-12-01')).toEqual({
      text: '已逾期 3 天（11月28日到期）',
      overdue: true,
    });
    expect(words({ nextDue: '2027-01-02', overdue: false }, '2026-12-31').text).toBe('下次走访：2027年1月2日前，还剩 2 天');
  });
});
