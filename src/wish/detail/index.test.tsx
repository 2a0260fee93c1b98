import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { WishDetail } from '../../../types';
import { callCloud } from '../../services/cloud';
import { askToBeNotified } from '../../services/subscribe';
import Wish from './index';
import { typeInto } from '../../../test/doubles/type-into';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
jest.mock('../../services/subscribe', () => ({ askToBeNotified: jest.fn() }));
const { CloudError } = jest.requireActual('../../services/cloud');

const base: WishDetail = {
  id: 'w1',
  status: 'published',
  maskedName: '王**',
  villageName: '杏花村',
  category: 'study',
  summary: '孙女想要一盏护眼台灯',
  value: 80,
  scope: 'village',
  publishedAt: '2026-11-20T02:00:00.000Z',
  daysWaiting: 4,
  photoUrls: [],
  text: null,
  claim: null,
  delivery: null,
  thanks: null,
  rejectReason: null,
  history: [
    { at: '2026-11-19T02:00:00.000Z', by: '村民 王**', action: 'submit', from: null, to: 'pending_review', note: null },
    { at: '2026-11-20T02:00:00.000Z', by: '驻村干部 赵明远', action: 'publish', from: 'pending_review', to: 'published', note: null },
  ],
  can: [],
};

/** Answers `get` with `wish` (then `after` once an action ran) and each action from `answers`. */
function serve(wish: WishDetail, answers: Record<string, () => unknown> = {}, after: WishDetail = wish) {
  let changed = false;
  cloud.mockImplementation(async (_fn: unknown, action: string) => {
    if (action === 'get') return changed ? after : wish;
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected ${action}`);
    const value = answer();
    changed = true;
    return value;
  });
}
const calls = (action: string) => cloud.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input as unknown);

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'w1' } } });
  (Taro.navigateTo as jest.Mock).mockClear();
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

describe('the wish page', () => {
  it('shows where the wish stands and its history, and offers nothing the caller may not do', async () => {
    serve(base);
    render(<Wish />);
    expect(await screen.findByText('孙女想要一盏护眼台灯')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'wishes' }), 'get', { id: 'w1' });
    expect(screen.getByText('已上墙')).toBeTruthy();
    expect(screen.getByText(/王\*\* · 杏花村 · 约 80 元/)).toBeTruthy();
    expect(screen.getByLabelText('认领，当前')).toBeTruthy();
    expect(screen.getByText('审核通过，上心愿墙')).toBeTruthy();
    expect(screen.getByText(/驻村干部 赵明远/)).toBeTruthy();
    for (const action of ['我来认领', '撤回心愿', '放弃认领', '确认收到', '发送感谢', '扩大范围', '去审核', '已送达，去填写']) {
      expect(screen.queryByText(action)).toBeNull();
    }
  });

  it('lets a helper claim after saying what a claim means, then reads the wish again', async () => {
    const claimed = { ...base, status: 'claimed' as const, can: ['release', 'fulfil'] as WishDetail['can'] };
    serve({ ...base, can: ['claim'] }, { claim: () => ({ id: 'w1', status: 'claimed', claimDueAt: '2026-12-08T02:00:00.000Z' }) }, claimed);
    render(<Wish />);
    fireEvent.click(await screen.findByText('我来认领'));
    // A helper may claim a published wish, nothing more.
    for (const other of ['撤回心愿', '放弃认领', '确认收到', '扩大范围', '去审核']) expect(screen.queryByText(other)).toBeNull();
    expect(screen.getByText(/认领后请在 14 天内送到/)).toBeTruthy();
    expect(askToBeNotified).not.toHaveBeenCalled();
    fireEvent.click(within(screen.getByRole('dialog')).getByText('认领'));
    // Inside the confirming tap, where WeChat allows the question about subscription messages.
    expect(askToBeNotified).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/认领成功，请在 12月8日 10:00 前送达/)).toBeTruthy();
    expect(calls('claim')).toEqual([{ id: 'w1' }]);
    expect(await screen.findByText('放弃认领')).toBeTruthy();
    expect(screen.queryByText('我来认领')).toBeNull();
  });

  it('sends nothing when the helper thinks better of claiming', async () => {
    serve({ ...base, can: ['claim'] });
    render(<Wish />);
    fireEvent.click(await screen.findByText('我来认领'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls('claim')).toEqual([]);
  });

  it('says in Chinese when someone else claimed it first', async () => {
    serve(
      { ...base, can: ['claim'] },
      {
        claim: () => {
          throw new CloudError('WISH.ALREADY_CLAIMED', '该心愿已被认领');
        },
      },
    );
    render(<Wish />);
    fireEvent.click(await screen.findByText('我来认领'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('认领'));
    expect(await screen.findByText('！该心愿已被认领')).toBeTruthy();
  });

  it('lets the villager withdraw, after a warning', async () => {
    serve({ ...base, status: 'pending_review', can: ['withdraw'] }, { withdraw: () => ({ id: 'w1', status: 'withdrawn' }) });
    render(<Wish />);
    fireEvent.click(await screen.findByText('撤回心愿'));
    expect(screen.getByText('撤回这个心愿？')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByText('撤回'));
    await waitFor(() => expect(calls('withdraw')).toEqual([{ id: 'w1' }]));
  });

  it('asks the claimer why before releasing, and sends the reason', async () => {
    serve({ ...base, status: 'claimed', can: ['release', 'fulfil'] }, { release: () => ({ id: 'w1', status: 'published' }) });
    render(<Wish />);
    fireEvent.click(await screen.findByText('放弃认领'));
    fireEvent.click(screen.getByText('确认放弃认领'));
    expect(await screen.findByText(/放弃认领的原因至少写 2 个字/)).toBeTruthy();
    await typeInto('放弃认领的原因', '  出差一个月，没法按时送到 ');
    await waitFor(() => expect(screen.queryByText(/放弃认领的原因至少写 2 个字/)).toBeNull());
    fireEvent.click(screen.getByText('确认放弃认领'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('放弃认领'));
    await waitFor(() => expect(calls('release')).toEqual([{ id: 'w1', reason: '出差一个月，没法按时送到' }]));
  });

  it('takes the claimer to the delivery form', async () => {
    serve({ ...base, status: 'claimed', can: ['release', 'fulfil'] });
    render(<Wish />);
    fireEvent.click(await screen.findByText('已送达，去填写'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/helper/fulfil/index?id=w1' });
  });

  it('lets the household confirm receipt and then thank the helper', async () => {
    const delivered: WishDetail = {
      ...base,
      status: 'fulfilled',
      claim: { claimerName: '刘**', dueAt: '2026-12-08T02:00:00.000Z', mine: false },
      delivery: { note: '台灯送到家里了', photoUrls: ['https://tmp.example/p1.jpg'] },
      can: ['confirm'],
    };
    serve(
      delivered,
      { confirm: () => ({ id: 'w1', status: 'confirmed' }), thank: () => ({ id: 'w1', status: 'confirmed' }) },
      {
        ...delivered,
        status: 'confirmed',
        can: ['thank'],
      },
    );
    render(<Wish />);
    expect(await screen.findByText('台灯送到家里了')).toBeTruthy();
    expect(screen.getByLabelText('送达照片 1')).toBeTruthy();
    fireEvent.click(screen.getByText('确认收到'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('已经收到'));
    await waitFor(() => expect(calls('confirm')).toEqual([{ id: 'w1' }]));
    await typeInto('感谢的话', '台灯很亮，孩子写作业不费眼了，谢谢您');
    fireEvent.click(screen.getByText('发送感谢'));
    await waitFor(() => expect(calls('thank')).toEqual([{ id: 'w1', text: '台灯很亮，孩子写作业不费眼了，谢谢您' }]));
  });

  it('lets a cadre widen a village wish to the county', async () => {
    serve({ ...base, can: ['widen', 'withdraw'] }, { widen: () => ({ id: 'w1', status: 'published', scope: 'county' }) });
    render(<Wish />);
    fireEvent.click(await screen.findByText('扩大范围'));
    expect(await screen.findByText('！请先选择扩大到哪里')).toBeTruthy();
    expect(screen.queryByText('本村')).toBeNull();
    fireEvent.click(screen.getByText('全县'));
    fireEvent.click(screen.getByText('扩大范围'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('扩大范围'));
    await waitFor(() => expect(calls('widen')).toEqual([{ id: 'w1', scope: 'county' }]));
  });

  it('offers only the county to a wish already open to the township', async () => {
    serve({ ...base, scope: 'township', can: ['widen'] });
    render(<Wish />);
    await screen.findByText('扩大范围');
    expect(screen.getByLabelText('全县')).toBeTruthy();
    expect(screen.queryByLabelText('全镇')).toBeNull();
  });

  it('sends a reviewing cadre to the review page', async () => {
    serve({ ...base, status: 'pending_review', can: ['review', 'withdraw'] });
    render(<Wish />);
    fireEvent.click(await screen.findByText('去审核'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/cadre/review-wishes/index' });
  });

  it('tells the villager why a wish was not published', async () => {
    serve({ ...base, status: 'rejected', rejectReason: '价值超出微心愿', text: '想要一台冰箱' });
    render(<Wish />);
    expect(await screen.findByText('未通过的原因：价值超出微心愿')).toBeTruthy();
    expect(screen.getByText('原话：想要一台冰箱')).toBeTruthy();
    expect(screen.getByLabelText('未通过')).toBeTruthy();
  });

  it('says so in Chinese when the wish cannot be found', async () => {
    cloud.mockRejectedValue(new CloudError('WISH.NOT_FOUND', '没有找到这个心愿'));
    render(<Wish />);
    expect(await screen.findByText('！没有找到这个心愿')).toBeTruthy();
  });
});
