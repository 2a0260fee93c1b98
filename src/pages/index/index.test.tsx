import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Profile } from '../../../types';
import { CloudError, callCloud } from '../../services/cloud';
import { setDevOpenid } from '../../services/dev-identity';
import { readCachedHome, writeCachedHome } from '../../services/profile-cache';
import { askHomeEarly } from './home-request';
import Index from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

const profile = (over: Partial<Profile>): Profile => ({
  memberId: 'm1',
  role: 'villager',
  name: '王秀兰',
  scope: { level: 'village', id: 'v1', name: '杏花村' },
  villageId: 'v1',
  villageName: '杏花村',
  householdId: 'h1',
  ...over,
});

const offline = () => new CloudError('COMMON.NETWORK', '网络连接失败');

function answerAs(p: Profile | null, unread: number | Error = 0) {
  cloud.mockImplementation(async ({ name: fn }: { name: string }, action: string) => {
    if (fn === 'users' && action === 'whoami') return p ? { bound: true, profile: p } : { bound: false };
    if (fn === 'inbox') {
      if (unread instanceof Error) throw unread;
      return { items: [], nextCursor: null, unread };
    }
    throw new Error(`unexpected ${fn}.${action}`);
  });
}

beforeEach(() => {
  cloud.mockReset();
  (Taro.redirectTo as jest.Mock).mockClear();
  setDevOpenid('demo-user');
  writeCachedHome(null);
});

describe('the home page', () => {
  it('offers a villager the wish box and their own wishes, with unread messages counted on the 消息 tab', async () => {
    answerAs(profile({}), 2);
    render(<Index />);
    expect(await screen.findByText('王秀兰，您好')).toBeTruthy();
    expect(screen.getByText('许个心愿')).toBeTruthy();
    expect(screen.getByText('我的心愿')).toBeTruthy();
    expect(await screen.findByLabelText('消息，2 条未读')).toBeTruthy();
    expect(screen.getByText('您有 2 条未读消息，点这里查看')).toBeTruthy();
    expect(screen.queryByText('审核心愿')).toBeNull();
    expect(screen.queryByText('邀请码')).toBeNull();
  });

  it('offers a cadre the review list and invite codes, not the wish box', async () => {
    answerAs(profile({ role: 'cadre', name: '赵明远', householdId: null }));
    render(<Index />);
    expect(await screen.findByText('审核心愿')).toBeTruthy();
    expect(screen.getByText('邀请码')).toBeTruthy();
    expect(screen.getByText('驻村干部 · 杏花村')).toBeTruthy();
    expect(screen.queryByText('许个心愿')).toBeNull();
  });

  it('asks for the profile and the unread count at the same time, not one after the other', async () => {
    const pending: string[] = [];
    cloud.mockImplementation(({ name }: { name: string }) => {
      pending.push(name);
      return new Promise(() => undefined);
    });
    render(<Index />);
    await waitFor(() => expect(pending.sort()).toEqual(['inbox', 'users']));
  });

  it('draws the cached profile at once and keeps it when the refresh fails, saying so', async () => {
    writeCachedHome({ profile: profile({ name: '李桂芝' }), unread: 1 });
    cloud.mockRejectedValue(offline());
    render(<Index />);
    expect(screen.getByText('李桂芝，您好')).toBeTruthy();
    expect(await screen.findByText(/显示的是上次的内容/)).toBeTruthy();
    expect(screen.getByText('许个心愿')).toBeTruthy();
  });

  it('keeps the page when only the unread count fails', async () => {
    answerAs(profile({}), offline());
    render(<Index />);
    expect(await screen.findByText('王秀兰，您好')).toBeTruthy();
    expect(screen.queryByText(/显示的是上次的内容/)).toBeNull();
    expect(readCachedHome()?.profile.name).toBe('王秀兰');
  });

  it('moves 字号 under 我的 and shows the inbox under 消息', async () => {
    answerAs(profile({}), 0);
    render(<Index />);
    await screen.findByText('王秀兰，您好');
    expect(screen.queryByText('字号')).toBeNull();
    fireEvent.click(screen.getByLabelText('我的'));
    expect(screen.getByText('字号')).toBeTruthy();
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '我的' });
    fireEvent.click(screen.getByLabelText('消息'));
    expect(await screen.findByText('暂时没有消息')).toBeTruthy();
  });

  it('uses the answer asked at launch rather than asking again', async () => {
    answerAs(profile({}), 0);
    askHomeEarly();
    render(<Index />);
    expect(await screen.findByText('王秀兰，您好')).toBeTruthy();
    expect(cloud.mock.calls.map(([fn]) => (fn as { name: string }).name).sort()).toEqual(['inbox', 'users']);
  });

  it('opens on the tab a link names', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValueOnce({ router: { params: { tab: 'me' } } });
    answerAs(profile({}), 0);
    render(<Index />);
    expect(await screen.findByText('字号')).toBeTruthy();
  });

  it('sends an unbound WeChat user to the binding page and forgets the cached profile', async () => {
    writeCachedHome({ profile: profile({}), unread: 0 });
    answerAs(null);
    render(<Index />);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/bind/index' }));
    await act(async () => undefined);
    expect(readCachedHome()).toBeNull();
  });
});
