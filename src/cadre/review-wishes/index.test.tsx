import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReviewWish } from '../../../types';
import { callCloud } from '../../services/cloud';
import ReviewWishes from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const waiting: ReviewWish = {
  id: 'w1',
  category: 'other',
  text: '孙女上学晚上写作业，想要一盏护眼台灯',
  status: 'pending_review',
  createdAt: '2026-11-24T02:00:00.000Z',
  value: 80,
  submitterName: '王秀兰',
  householdLabel: '三组 12 号',
  channel: 'phone',
  photoUrls: ['https://tmp.example/p.jpg'],
};

/** Serves the waiting list (empty once a decision was made) and answers `review` with `answer`. */
function serve(answer: () => unknown = () => ({ id: 'w1', status: 'published' })) {
  let decided = false;
  cloud.mockImplementation(async (_fn: unknown, action: string) => {
    if (action === 'pendingReview') return { items: decided ? [] : [waiting], nextCursor: null };
    const value = answer();
    decided = true;
    return value;
  });
}
const reviews = () => cloud.mock.calls.filter(([, a]) => a === 'review').map(([, , input]) => input as unknown);

async function typeIn(label: string, text: string) {
  // The label sits on Taro's inner <textarea>, which appears a moment after render.
  const area = await waitFor(() => {
    const el = screen.getByLabelText(label);
    if (el.tagName !== 'TEXTAREA') throw new Error('textarea not ready');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
}
const summaryLabel = '上墙摘要：孙女上学晚上写作业，';

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
});

describe('reviewing a wish', () => {
  it('shows who asked, how it was collected and its photos, with the summary ready to edit', async () => {
    serve();
    render(<ReviewWishes />);
    expect(await screen.findByText('孙女上学晚上写作业，想要一盏护眼台灯')).toBeTruthy();
    expect(screen.getByText(/王秀兰 · 三组 12 号 · 约 80 元/)).toBeTruthy();
    expect(screen.getByText(/电话代录/)).toBeTruthy();
    expect(screen.getByLabelText('心愿照片 1')).toBeTruthy();
    expect(screen.getByLabelText('其他').getAttribute('aria-checked')).toBe('true');
  });

  it('publishes with the summary and category as the cadre edited them, then reads the list again', async () => {
    serve();
    render(<ReviewWishes />);
    await typeIn(summaryLabel, '  孙女写作业需要一盏护眼台灯 ');
    fireEvent.click(screen.getByLabelText('学习用品'));
    fireEvent.click(screen.getByText('通过，上心愿墙'));
    await waitFor(() =>
      expect(reviews()).toEqual([{ id: 'w1', decision: 'publish', summary: '孙女写作业需要一盏护眼台灯', category: 'study' }]),
    );
    expect(await screen.findByText('没有待审核的心愿')).toBeTruthy();
    expect(await screen.findByText('已通过，心愿上了心愿墙')).toBeTruthy();
  });

  it('will not publish an empty summary', async () => {
    serve();
    render(<ReviewWishes />);
    await typeIn(summaryLabel, '');
    fireEvent.click(screen.getByText('通过，上心愿墙'));
    expect(await screen.findByText(/心愿摘要至少写 2 个字/)).toBeTruthy();
    expect(reviews()).toEqual([]);
  });

  it('rejects with a common reason chosen in one tap, after asking', async () => {
    serve(() => ({ id: 'w1', status: 'rejected' }));
    render(<ReviewWishes />);
    fireEvent.click(await screen.findByText('不通过'));
    fireEvent.click(screen.getByText('确认不通过'));
    expect(await screen.findByText(/请填写不通过的原因/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('价值超出微心愿'));
    expect(screen.queryByText(/请填写不通过的原因/)).toBeNull();
    fireEvent.click(screen.getByText('确认不通过'));
    expect(screen.getByText('村民会收到通知和原因：价值超出微心愿')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByText('不通过'));
    await waitFor(() => expect(reviews()).toEqual([{ id: 'w1', decision: 'reject', reason: '价值超出微心愿' }]));
  });

  it("rejects with the cadre's own words under 其他", async () => {
    serve(() => ({ id: 'w1', status: 'rejected' }));
    render(<ReviewWishes />);
    fireEvent.click(await screen.findByText('不通过'));
    fireEvent.click(screen.getByLabelText('其他', { selector: '.reject *' }));
    fireEvent.click(screen.getByText('确认不通过'));
    expect(await screen.findByText(/请填写不通过的原因/)).toBeTruthy();
    await typeIn('写下不通过的原因', '村里已经统一发放了台灯');
    fireEvent.click(screen.getByText('确认不通过'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('不通过'));
    await waitFor(() => expect(reviews()).toEqual([{ id: 'w1', decision: 'reject', reason: '村里已经统一发放了台灯' }]));
  });

  it('shows a refusal in Chinese and keeps the wish on the list', async () => {
    serve(() => {
      throw new CloudError('WISH.CONTENT_RISKY', '内容可能不合适，请修改后再提交');
    });
    render(<ReviewWishes />);
    fireEvent.click(await screen.findByText('通过，上心愿墙'));
    expect(await screen.findByText('！内容可能不合适，请修改后再提交')).toBeTruthy();
    expect(screen.getByText('孙女上学晚上写作业，想要一盏护眼台灯')).toBeTruthy();
  });
});
