import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { TaskDetail } from '../../../types';
import { callCloud } from '../../services/cloud';
import { addDays, formatDay } from '../../services/format';
import { writeCachedHome } from '../../services/profile-cache';
import { detail, profileOf, today } from '../test-fixtures';
import VisitTask from './index';
import { typeInto } from '../../../test/doubles/type-into';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

/** Answers tasks.detail with `task` (then `after` once an action ran) and each action from `answers`. */
function serve(task: TaskDetail, answers: Record<string, () => unknown> = {}, after: TaskDetail = task) {
  let changed = false;
  cloud.mockImplementation(async ({ name: fn }: { name: string }, action: string) => {
    if (fn === 'tasks' && action === 'detail') return changed ? after : task;
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected ${fn}.${action}`);
    const value = answer();
    changed = true;
    return value;
  });
}
const calls = (action: string) => cloud.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input as unknown);

/** Picks a date as Taro's date picker reports it. */
function pick(value: string) {
  const picker = document.querySelector('taro-picker-core')!;
  act(() => void picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true })));
}

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 't1' } } });
  (Taro.navigateTo as jest.Mock).mockClear();
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

describe('a visit task', () => {
  it('shows who, why, by when and its history, and opens the visit log for the household', async () => {
    serve(
      detail({
        kind: 'must_visit',
        urgent: true,
        title: '重大疾病：老伴住院了',
        note: '老伴住院了，家里没人照顾',
        history: [{ at: '2026-11-20T23:30:00.000Z', by: '村民 王秀兰', action: 'create', note: '老伴住院了，家里没人照顾' }],
      }),
    );
    render(<VisitTask />);
    expect(await screen.findByText('重大疾病：老伴住院了')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'tasks' }), 'detail', { id: 't1' });
    expect(screen.getByText('紧急')).toBeTruthy();
    expect(screen.getByText(/还剩 5 天/)).toBeTruthy();
    const history = screen.getByRole('list', { name: '办理记录' });
    expect(within(history).getByText('生成任务')).toBeTruthy();
    expect(within(history).getByText(/村民 王秀兰/)).toBeTruthy();
    // Completing is for follow-ups; a visit closes this one.
    expect(screen.queryByText('完成')).toBeNull();
    fireEvent.click(screen.getByText('记走访'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/visit/log/index?householdId=h1&taskId=t1' });
    fireEvent.click(screen.getByText('查看这一户'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/visit/household/index?id=h1' });
  });

  it('opens the visit log on 电话回访 for a phone task', async () => {
    serve(detail({ kind: 'phone' }));
    render(<VisitTask />);
    fireEvent.click(await screen.findByText('记走访'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/visit/log/index?householdId=h1&taskId=t1&mode=phone' });
  });

  it('skips only with a reason, a chip and own words, after asking', async () => {
    const skipped = detail({ status: 'skipped' });
    serve(detail(), { skip: () => ({ ...skipped, history: undefined }) }, skipped);
    render(<VisitTask />);
    fireEvent.click(await screen.findByText('跳过'));
    fireEvent.click(screen.getByText('确认跳过'));
    expect(await screen.findByText('！请选一个原因，或写下原因')).toBeTruthy();
    expect(calls('skip')).toEqual([]);
    fireEvent.click(screen.getByLabelText('住院治疗'));
    await typeInto('跳过的原因的说明', '在县医院，月底回来');
    fireEvent.click(screen.getByText('确认跳过'));
    expect(screen.getByText(/住院治疗：在县医院，月底回来/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByText('跳过'));
    await waitFor(() => expect(calls('skip')).toEqual([{ id: 't1', reason: '住院治疗：在县医院，月底回来' }]));
    expect(await screen.findByText('已跳过，原因已记下')).toBeTruthy();
    // Closed now: nothing more to do with it.
    await waitFor(() => expect(screen.queryByText('记走访')).toBeNull());
    expect(screen.queryByText('跳过')).toBeNull();
  });

  it('asks for the reason in words when 其他原因 is chosen', async () => {
    serve(detail());
    render(<VisitTask />);
    fireEvent.click(await screen.findByText('跳过'));
    fireEvent.click(screen.getByLabelText('其他原因'));
    expect(screen.getByText('请写下原因')).toBeTruthy();
    fireEvent.click(screen.getByText('确认跳过'));
    expect(await screen.findByText('！请选一个原因，或写下原因')).toBeTruthy();
    await typeInto('跳过的原因的说明', '走');
    fireEvent.click(screen.getByText('确认跳过'));
    expect(await screen.findByText('！跳过的原因至少写 2 个字')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('moves the due date with a reason', async () => {
    const later = addDays(today, 10);
    serve(detail(), { reschedule: () => detail({ dueDate: later, history: undefined }) }, detail({ dueDate: later }));
    render(<VisitTask />);
    fireEvent.click(await screen.findByText('改期'));
    pick(later);
    expect(screen.getByText(`${formatDay(later)} ›`)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('户主暂时不在家'));
    fireEvent.click(screen.getByText('确认改期'));
    await waitFor(() => expect(calls('reschedule')).toEqual([{ id: 't1', dueDate: later, reason: '户主暂时不在家' }]));
    expect(await screen.findByText(`已改到 ${formatDay(later)} 前`)).toBeTruthy();
  });

  it("shows the function's refusal in Chinese", async () => {
    serve(detail(), {
      reschedule: () => {
        throw new CloudError('TASK.BAD_DATE', '改期的日期要在今天到 60 天以内');
      },
    });
    render(<VisitTask />);
    fireEvent.click(await screen.findByText('改期'));
    fireEvent.click(screen.getByLabelText('天气或路况不好'));
    fireEvent.click(screen.getByText('确认改期'));
    expect(await screen.findByText('！改期的日期要在今天到 60 天以内')).toBeTruthy();
  });

  it('completes a follow-up with what was done, not with a visit', async () => {
    const done = detail({ kind: 'follow_up', status: 'done', title: '屋顶漏雨，需要修缮' });
    serve(detail({ kind: 'follow_up', title: '屋顶漏雨，需要修缮' }), { complete: () => ({ ...done, history: undefined }) }, done);
    render(<VisitTask />);
    fireEvent.click(await screen.findByText('完成'));
    expect(screen.queryByText('记走访')).toBeNull();
    fireEvent.click(screen.getByText('确认办完'));
    expect(await screen.findByText(/办理情况至少写 2 个字/)).toBeTruthy();
    await typeInto('办理情况', '  镇里派人修好了屋顶 ');
    fireEvent.click(screen.getByText('确认办完'));
    await waitFor(() => expect(calls('complete')).toEqual([{ id: 't1', note: '镇里派人修好了屋顶' }]));
  });

  it('offers an office no visit to log and no village task to skip', async () => {
    writeCachedHome({ profile: profileOf('office', 'm-office-1'), unread: 0 });
    serve(detail({ kind: 'must_visit', urgent: true, escalated: true, status: 'overdue', dueDate: addDays(today, -2) }));
    render(<VisitTask />);
    expect(await screen.findByText('已上报镇里')).toBeTruthy();
    expect(screen.getByText('已逾期 2 天')).toBeTruthy();
    for (const action of ['记走访', '跳过', '改期', '完成']) expect(screen.queryByText(action)).toBeNull();
    expect(screen.getByText('查看这一户')).toBeTruthy();
  });

  it('lets an office close its own care task', async () => {
    writeCachedHome({ profile: profileOf('office', 'm-office-1'), unread: 0 });
    serve(detail({ kind: 'care', householdId: null, householdLabel: '', title: '生病住院：孙立军' }));
    render(<VisitTask />);
    expect(await screen.findByText('完成')).toBeTruthy();
    expect(screen.getByText('改期')).toBeTruthy();
    expect(screen.queryByText('查看这一户')).toBeNull();
  });

  it('says so in Chinese when the task is gone', async () => {
    cloud.mockRejectedValue(new CloudError('TASK.NOT_FOUND', '找不到这项任务，可能已被处理'));
    render(<VisitTask />);
    expect(await screen.findByText('！找不到这项任务，可能已被处理')).toBeTruthy();
  });
});
