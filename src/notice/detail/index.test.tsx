import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { showPage } from '../../../test/doubles/taro';
import { installSpeechSynthesis, type FakeSynthesis } from '../../../test/doubles/speech-synthesis';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { notice, profileOf, readers, warning } from '../test-fixtures';
import NoticeDetail from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const taro = Taro as unknown as Record<string, unknown>;
const makePhoneCall = jest.fn().mockResolvedValue(undefined);

/** Answers each action as the function would for this notice. */
function answering(n: ReturnType<typeof notice>, extra: { canSeeReaders?: boolean; villageNames?: string[] } = {}) {
  cloud.mockImplementation(async ({ name }: { name: string }, action: string) => {
    if (name !== 'notices') throw new Error(`unexpected ${name}`);
    if (action === 'get') return { ...n, villageNames: ['杏花村'], canSeeReaders: false, ...extra };
    if (action === 'markRead') return { read: true };
    if (action === 'readers') return readers();
    throw new Error(`unexpected ${action}`);
  });
}
const actions = () => cloud.mock.calls.map(([, action, input]) => [action, input]);

let synth: FakeSynthesis;
let removeSynth: () => void;
beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  [synth, removeSynth] = installSpeechSynthesis();
  taro.makePhoneCall = makePhoneCall;
  makePhoneCall.mockClear();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'w1' } } });
  writeCachedHome({ profile: profileOf('villager'), unread: 0 });
});
afterEach(() => {
  removeSynth();
  delete taro.makePhoneCall;
});

describe('a notice, as a villager reads it', () => {
  it('shows the title, the level and type in words, the time, the publisher and the text, and marks it read', async () => {
    answering(warning());
    const { container } = render(<NoticeDetail />);
    expect(await screen.findByText('暴雨红色预警')).toBeTruthy();
    expect(screen.getByText('红色预警')).toBeTruthy();
    expect(screen.getByText('暴雨')).toBeTruthy();
    expect(screen.getByText('时间：11月27日 14:00 至 11月28日 14:00')).toBeTruthy();
    expect(container.querySelector('.notice-facts')?.textContent).toContain('石桥镇驻村办');
    expect(container.querySelector('.notice-body')?.textContent).toBe(warning().body);
    expect(actions()).toContainEqual(['markRead', { id: 'w1' }]);
    // A villager sees neither who read it nor the office's buttons.
    expect(actions().map(([a]) => a)).not.toContain('readers');
    expect(screen.queryByText('更新预警')).toBeNull();
    expect(screen.queryByText(/发给：/)).toBeNull();
  });

  it('reads it aloud on a tap, and offers to stop while it speaks', async () => {
    answering(warning());
    render(<NoticeDetail />);
    fireEvent.click(await screen.findByText('朗读'));
    expect(synth.spoken.map((u) => u.text).join('')).toContain('暴雨红色预警');
    expect(synth.spoken.map((u) => u.text).join('')).toContain('请转移低洼处群众');
    expect(screen.getByText('停止朗读')).toBeTruthy();
    act(() => synth.finishAll());
    expect(screen.getByText('朗读')).toBeTruthy();
    fireEvent.click(screen.getByText('朗读'));
    fireEvent.click(screen.getByText('停止朗读'));
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.getByText('朗读')).toBeTruthy();
  });

  it('stops on 停止朗读 without starting over, and stops when the page is left', async () => {
    answering(warning());
    const page = render(<NoticeDetail />);
    fireEvent.click(await screen.findByText('朗读'));
    const spoken = synth.spoken.length;
    fireEvent.click(screen.getByText('停止朗读'));
    expect(synth.spoken).toHaveLength(spoken);
    expect(synth.queue).toHaveLength(0);
    fireEvent.click(screen.getByText('朗读'));
    expect(synth.queue.length).toBeGreaterThan(0);
    synth.cancel.mockClear();
    page.unmount();
    expect(synth.cancel).toHaveBeenCalled();
    expect(synth.queue).toHaveLength(0);
  });

  it('says in Chinese when the phone has no Chinese voice, and offers 朗读 again', async () => {
    answering(warning());
    render(<NoticeDetail />);
    fireEvent.click(await screen.findByText('朗读'));
    act(() => synth.fail('language-unavailable'));
    expect(screen.getByRole('alert').textContent).toBe('！这部手机没有中文朗读的声音，可以请家人帮忙念一下');
    expect(screen.getByText('朗读')).toBeTruthy();
  });

  it('has no 朗读 button where the phone cannot speak', async () => {
    removeSynth();
    answering(notice());
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'n1' } } });
    render(<NoticeDetail />);
    expect(await screen.findByText('关于冬季防火的通知')).toBeTruthy();
    expect(screen.getByText('通知公告')).toBeTruthy();
    expect(screen.queryByText('朗读')).toBeNull();
  });

  it('says a cancelled warning is lifted', async () => {
    answering(warning({ active: false, cancelled: true }));
    render(<NoticeDetail />);
    expect(await screen.findByText('已解除')).toBeTruthy();
    expect(screen.getByText('这个预警已解除。')).toBeTruthy();
  });

  it('says so when the notice is gone', async () => {
    cloud.mockImplementation(async (_c: unknown, action: string) => {
      if (action === 'get') throw new CloudError('NOTICE.NOT_FOUND', '找不到这条通知，可能已被撤回');
      return { read: true };
    });
    render(<NoticeDetail />);
    expect(await screen.findByText('！找不到这条通知，可能已被撤回')).toBeTruthy();
  });
});

describe('a notice, as staff see it', () => {
  it('shows a cadre how many have read it and who has not, with a call button and 未绑定 in words', async () => {
    writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
    answering(warning(), { canSeeReaders: true });
    render(<NoticeDetail />);
    expect(await screen.findByText('已读 12 / 共 15')).toBeTruthy();
    expect(actions()).toContainEqual(['readers', { id: 'w1' }]);
    const list = screen.getByRole('list', { name: '未读名单' });
    const people = within(list).getAllByRole('listitem');
    expect(people).toHaveLength(2);
    expect(people[0].textContent).toContain('李桂芝');
    expect(people[0].textContent).toContain('一组 3 号');
    expect(people[1].textContent).toContain('未绑定');
    expect(within(people[1]).queryByText('打电话')).toBeNull();
    fireEvent.click(within(people[0]).getByText('打电话'));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' });
    expect(screen.getByText('发给：杏花村')).toBeTruthy();
    // A cadre relays; only an office changes a warning.
    expect(screen.queryByText('更新预警')).toBeNull();
  });

  it('offers a call whenever a phone is given, and says 未绑定 only of who is not bound', async () => {
    writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
    cloud.mockImplementation(async (_c: unknown, action: string) => {
      if (action === 'get') return { ...warning(), villageNames: ['杏花村'], canSeeReaders: true };
      if (action === 'markRead') return { read: true };
      return readers({
        unread: [
          { memberId: 'm3', name: '张老汉', villageName: '杏花村', label: '三组 2 号', phone: '13800000003', bound: false },
          { memberId: 'm4', name: '陈小梅', villageName: '杏花村', label: '三组 5 号', phone: null, bound: true },
        ],
      });
    });
    render(<NoticeDetail />);
    const list = await screen.findByRole('list', { name: '未读名单' });
    const [unbound, noPhone] = within(list).getAllByRole('listitem');
    expect(unbound.textContent).toContain('未绑定');
    fireEvent.click(within(unbound).getByText('打电话'));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000003' });
    expect(noPhone.textContent).not.toContain('未绑定');
    expect(within(noPhone).queryByText('打电话')).toBeNull();
  });

  it('reads the readers again when the cadre comes back from a call', async () => {
    writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
    answering(warning(), { canSeeReaders: true });
    render(<NoticeDetail />);
    await screen.findByText('已读 12 / 共 15');
    act(() => showPage());
    act(() => showPage());
    await waitFor(() => expect(actions().filter(([a]) => a === 'readers')).toHaveLength(2));
  });

  it('offers an office to update or lift a warning it may change', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    answering(warning(), { canSeeReaders: true });
    render(<NoticeDetail />);
    fireEvent.click(await screen.findByText('更新预警'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/notice/warning/index?id=w1&action=update' });
    fireEvent.click(screen.getByText('解除预警'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/notice/warning/index?id=w1&action=cancel' });
  });

  it('offers no change of a warning on the copy saved last time while the network is down', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    answering(warning(), { canSeeReaders: true });
    const first = render(<NoticeDetail />);
    await screen.findByText('更新预警');
    first.unmount();
    cloud.mockReset().mockRejectedValue(new CloudError('COMMON.NETWORK', '网络不给力，请检查网络后重试'));
    render(<NoticeDetail />);
    expect(await screen.findByText('网络不通，下面是上次保存的内容')).toBeTruthy();
    expect(screen.getByText('暴雨红色预警')).toBeTruthy();
    expect(screen.queryByText('更新预警')).toBeNull();
    expect(screen.queryByText('解除预警')).toBeNull();
  });

  it('offers nothing to change on a lifted warning or one outside the office’s area', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    answering(warning({ cancelled: true, active: false }), { canSeeReaders: true });
    const first = render(<NoticeDetail />);
    await screen.findByText('这个预警已解除。');
    expect(screen.queryByText('更新预警')).toBeNull();
    first.unmount();
    answering(warning(), { canSeeReaders: false });
    render(<NoticeDetail />);
    await screen.findByText('暴雨红色预警');
    expect(screen.queryByText('更新预警')).toBeNull();
  });
});
