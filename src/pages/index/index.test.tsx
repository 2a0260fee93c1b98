import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Profile } from '../../../types';
import { callCloud } from '../../services/cloud';
import { setDevOpenid } from '../../services/dev-identity';
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

function answerAs(p: Profile | null, unread = 0) {
  cloud.mockImplementation(async (fn: string, action: string) => {
    if (fn === 'users' && action === 'whoami') return p ? { bound: true, profile: p } : { bound: false };
    if (fn === 'inbox') return { items: [], nextCursor: null, unread };
    throw new Error(`unexpected ${fn}.${action}`);
  });
}

beforeEach(() => {
  cloud.mockReset();
  (Taro.redirectTo as jest.Mock).mockClear();
  setDevOpenid('demo-user');
});

describe('the home page', () => {
  it('offers a villager the wish box and their own wishes, with unread messages counted', async () => {
    answerAs(profile({}), 2);
    render(<Index />);
    expect(await screen.findByText('王秀兰，您好')).toBeTruthy();
    expect(screen.getByText('许个心愿')).toBeTruthy();
    expect(screen.getByText('我的心愿')).toBeTruthy();
    expect(screen.getByText('消息（2 条未读）')).toBeTruthy();
    expect(screen.queryByText('待审核心愿')).toBeNull();
    expect(screen.queryByText('发放邀请码')).toBeNull();
  });

  it('offers a cadre the review list and invite codes, not the wish box', async () => {
    answerAs(profile({ role: 'cadre', name: '赵明远', householdId: null }));
    render(<Index />);
    expect(await screen.findByText('待审核心愿')).toBeTruthy();
    expect(screen.getByText('发放邀请码')).toBeTruthy();
    expect(screen.getByText('驻村干部 · 杏花村')).toBeTruthy();
    expect(screen.queryByText('许个心愿')).toBeNull();
  });

  it('sends an unbound WeChat user to the binding page', async () => {
    answerAs(null);
    render(<Index />);
    await screen.findByText('正在加载…').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/bind/index' });
  });
});
