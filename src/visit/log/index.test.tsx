import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { addDays } from '../../services/format';
import { writeCachedHome } from '../../services/profile-cache';
import { uploadPhoto } from '../../services/upload';
import { householdPage, profileOf, today } from '../test-fixtures';
import { withQuick } from './quick-answers';
import VisitLog from './index';
import { typeInto } from '../../../test/doubles/type-into';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
jest.mock('../../services/upload', () => ({ uploadPhoto: jest.fn() }));
const upload = uploadPhoto as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timeout = () => new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
/** Long enough for the success toast to be read before the page moves on. */
const afterToast = { timeout: 3000 };

/** The visits.log calls; the household page is answered apart. */
const log = jest.fn();
const logged = () => log.mock.calls.map(([input]) => input as Record<string, unknown>);

beforeEach(() => {
  Taro.clearStorageSync();
  log.mockReset().mockResolvedValue({ visitId: 'v9', resolvedTaskIds: ['t1'], followUpIds: [] });
  cloud.mockReset().mockImplementation(async ({ name: fn }: { name: string }, action: string, input: unknown) => {
    if (fn === 'visits' && action === 'household') return householdPage();
    if (fn === 'visits' && action === 'log') return log(input);
    throw new Error(`unexpected ${fn}.${action}`);
  });
  writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { householdId: 'h1', taskId: 't1' } } });
  (Taro.redirectTo as jest.Mock).mockClear();
  upload.mockReset().mockImplementation(async (path: string) => `cloud://env/visit-photos/${path.split('/').pop()}`);
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

/** A quick answer of one question (the same phrase may be offered by two questions). */
const quick = (question: string, phrase: string) =>
  fireEvent.click(within(screen.getByRole('radiogroup', { name: `${question}常用回答` })).getByLabelText(phrase));

/** Fills the whole checklist with one tap per question. */
function answerAll() {
  fireEvent.click(screen.getByLabelText('入户走访'));
  quick('家庭情况', '无变化');
  quick('生活疾苦', '正常，无困难');
  quick('现实需求', '暂无新需求');
  quick('脱贫意向', '积极向上');
}

describe('the visit log', () => {
  it('names the household and asks for the mode and all four answers before sending anything', async () => {
    render(<VisitLog />);
    expect(await screen.findByText('走访 王秀兰家')).toBeTruthy();
    fireEvent.click(screen.getByText('提交走访记录'));
    expect(await screen.findByText('！请选择入户还是电话')).toBeTruthy();
    for (const q of ['家庭情况', '生活疾苦', '现实需求', '脱贫意向']) expect(screen.getByText(`！请记下${q}`)).toBeTruthy();
    expect(screen.getByText('！还有没填好的地方，请看上面红字')).toBeTruthy();
    expect(log).not.toHaveBeenCalled();
    // Each error goes as soon as its field is fixed.
    quick('生活疾苦', '看病有困难');
    expect(screen.queryByText('！请记下生活疾苦')).toBeNull();
    expect(screen.getByText('！请记下家庭情况')).toBeTruthy();
  });

  it('logs a visit with one tap per question, then shows the household page', async () => {
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    answerAll();
    expect(screen.getByLabelText('无变化').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('提交走访记录'));
    expect(await screen.findByText('走访已记下，完成了 1 项任务')).toBeTruthy();
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/visit/household/index?id=h1' }), afterToast);
    expect(logged()).toEqual([
      {
        householdId: 'h1',
        mode: 'in_person',
        answers: { family: '无变化', hardship: '正常，无困难', needs: '暂无新需求', intention: '积极向上' },
        requestId: expect.stringMatching(UUID_V4),
      },
    ]);
  });

  it('adds typed words to a quick answer rather than wiping them out', async () => {
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    await typeInto('现实需求', '想修一下院墙');
    quick('现实需求', '想找工作');
    fireEvent.click(screen.getByLabelText('电话回访'));
    quick('家庭情况', '无变化');
    quick('家庭情况', '有人生病');
    quick('生活疾苦', '正常，无困难');
    quick('脱贫意向', '收入稳定');
    fireEvent.click(screen.getByText('提交走访记录'));
    await waitFor(() => expect(log).toHaveBeenCalled());
    expect(logged()[0].answers).toEqual({
      family: '有人生病',
      hardship: '正常，无困难',
      needs: '想修一下院墙，想找工作',
      intention: '收入稳定',
    });
    expect(logged()[0].mode).toBe('phone');
  });

  it('turns problems into follow-ups: the visitor follows up in a week unless another owner or day is picked', async () => {
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    answerAll();
    fireEvent.click(screen.getByText('＋ 添加一个问题'));
    fireEvent.click(screen.getByText('＋ 添加一个问题'));
    await typeInto('问题 1', '屋顶漏雨，需要修缮');
    await typeInto('问题 2', '孙子上学缺校服');
    // The second problem goes to the paired helper 陈静, by a later day.
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '问题 2 谁来跟进' })).getByLabelText('陈静'));
    const later = addDays(today, 14);
    const pickers = document.querySelectorAll('taro-picker-core');
    act(() => void pickers[2].dispatchEvent(new CustomEvent('change', { detail: { value: later }, bubbles: true })));
    fireEvent.click(screen.getByText('提交走访记录'));
    await waitFor(() => expect(log).toHaveBeenCalled());
    expect(logged()[0].problems).toEqual([
      { text: '屋顶漏雨，需要修缮' },
      { text: '孙子上学缺校服', ownerId: 'm-helper-1', dueDate: later },
    ]);
  });

  it('refuses an empty problem, and a removed one is not sent', async () => {
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    answerAll();
    fireEvent.click(screen.getByText('＋ 添加一个问题'));
    fireEvent.click(screen.getByText('提交走访记录'));
    expect(await screen.findByText('！问题至少写 2 个字')).toBeTruthy();
    expect(log).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('删除这个问题：问题 1'));
    fireEvent.click(screen.getByText('提交走访记录'));
    await waitFor(() => expect(log).toHaveBeenCalled());
    expect(logged()[0]).not.toHaveProperty('problems');
  });

  it("offers a helper the village's cadres and the other paired helpers as owners, not themselves", async () => {
    writeCachedHome({ profile: profileOf('helper', 'm-helper-1'), unread: 0 });
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    fireEvent.click(screen.getByText('＋ 添加一个问题'));
    const owners = within(screen.getByRole('radiogroup', { name: '问题 1 谁来跟进' }));
    expect(owners.getByLabelText('我自己')).toBeTruthy();
    expect(owners.getByLabelText('罗佳琪')).toBeTruthy();
    expect(owners.getByLabelText('赵明远')).toBeTruthy();
    expect(owners.getByLabelText('孙立华')).toBeTruthy();
    expect(owners.queryByLabelText('陈静')).toBeNull();
  });

  it('offers a cadre the other cadres and the paired helpers, not themselves', async () => {
    writeCachedHome({ profile: profileOf('cadre', 'm-cadre-1'), unread: 0 });
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    fireEvent.click(screen.getByText('＋ 添加一个问题'));
    const owners = within(screen.getByRole('radiogroup', { name: '问题 1 谁来跟进' }));
    expect(owners.getByLabelText('孙立华')).toBeTruthy();
    expect(owners.getByLabelText('陈静')).toBeTruthy();
    expect(owners.queryByLabelText('赵明远')).toBeNull();
  });

  it('starts on 电话回访 when opened from a phone task', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { householdId: 'h1', mode: 'phone' } } });
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    expect(screen.getByLabelText('电话回访').getAttribute('aria-checked')).toBe('true');
  });

  it('retries after a lost answer with the same request id, keeping the form on a weak network', async () => {
    log.mockRejectedValueOnce(timeout()).mockRejectedValueOnce(timeout());
    const first = render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    answerAll();
    fireEvent.click(screen.getByText('提交走访记录'));
    fireEvent.click(screen.getByText('正在提交…'));
    expect(await screen.findByText('！服务器响应超时，请稍后再试')).toBeTruthy();
    expect(log).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText('提交走访记录'));
    await screen.findByText('！服务器响应超时，请稍后再试');
    first.unmount();

    // Left and opened again, even offline: the answers are all still there.
    cloud.mockImplementation(async (_fn: unknown, action: string, input: unknown) => {
      if (action === 'log') return log(input);
      throw new CloudError('COMMON.NETWORK', '网络连接失败');
    });
    render(<VisitLog />);
    expect(await screen.findByText('已填好您上次没有提交的内容，可以接着写。')).toBeTruthy();
    expect(screen.getByText('走访 王秀兰家')).toBeTruthy();
    expect(screen.getByLabelText('积极向上').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('提交走访记录'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled(), afterToast);
    const ids = logged().map((i) => i.requestId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('uploads the photos on submit and sends their ids', async () => {
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    answerAll();
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['/tmp/roof.jpg'] });
    fireEvent.click(screen.getByText(/^添加照片/));
    await screen.findByLabelText('第 1 张照片');
    fireEvent.click(screen.getByText('提交走访记录'));
    await waitFor(() => expect(log).toHaveBeenCalled());
    expect(upload.mock.calls).toEqual([['/tmp/roof.jpg']]);
    expect(logged()[0].photos).toEqual(['cloud://env/visit-photos/roof.jpg']);
  });

  it('sends a day picked in the past, and says in Chinese when the function refuses it', async () => {
    log.mockRejectedValueOnce(new CloudError('VISIT.BAD_DATE', '走访日期不能晚于今天，也不能早于 30 天前'));
    render(<VisitLog />);
    await screen.findByText('走访 王秀兰家');
    answerAll();
    const yesterday = addDays(today, -1);
    act(
      () =>
        void document
          .querySelector('taro-picker-core')!
          .dispatchEvent(new CustomEvent('change', { detail: { value: yesterday }, bubbles: true })),
    );
    fireEvent.click(screen.getByText('提交走访记录'));
    expect(await screen.findByText('！走访日期不能晚于今天，也不能早于 30 天前')).toBeTruthy();
    expect(logged()[0].visitedOn).toBe(yesterday);
  });
});

describe('a quick answer', () => {
  const phrases = ['无变化', '有人生病'];
  it('replaces a blank answer or another quick answer, and follows typed words', () => {
    expect(withQuick('', '无变化', phrases)).toBe('无变化');
    expect(withQuick(' 无变化 ', '有人生病', phrases)).toBe('有人生病');
    expect(withQuick('儿子回来了', '有人生病', phrases)).toBe('儿子回来了，有人生病');
  });
});
