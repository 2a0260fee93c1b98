import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { TaskCounts, TaskTab } from '../../../types';
import { callCloud } from '../../services/cloud';
import { addDays, formatDay } from '../../services/format';
import { readTaskCounts } from '../../services/task-counts';
import { showPage } from '../../../test/doubles/taro';
import { task, today, urgentTask } from '../test-fixtures';
import OverdueTasks from '../overdue/index';
import VisitTasks from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const counts: TaskCounts = { today: 2, week: 4, overdue: 1, all: 7 };
const overdue = task({ id: 't-late', householdLabel: '李建国 · 二组 2 号', dueDate: addDays(today, -3), status: 'overdue' });

/** Answers tasks.list per tab, in the function's order (overdue first, then urgent). */
function serve(byTab: Partial<Record<TaskTab, ReturnType<typeof task>[]>>, c: TaskCounts = counts) {
  cloud.mockImplementation(async ({ name: fn }: { name: string }, action: string, input: { tab: TaskTab }) => {
    if (fn === 'tasks' && action === 'list') return { items: byTab[input.tab] ?? [], nextCursor: null, counts: c };
    throw new Error(`unexpected ${fn}.${action}`);
  });
}
const tabsAsked = () => cloud.mock.calls.map(([, , input]) => (input as { tab: string }).tab);

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } });
});

describe('the task list', () => {
  it("opens on 今天 with each tab's count, urgent must-visits marked 紧急 in words", async () => {
    serve({ today: [overdue, urgentTask(), task()] });
    render(<VisitTasks />);
    expect(await screen.findByText('重大疾病：老伴住院了')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'tasks' }), 'list', { tab: 'today' });
    expect(screen.getByLabelText('今天，2 项')).toBeTruthy();
    expect(screen.getByLabelText('本周，4 项')).toBeTruthy();
    expect(screen.getByLabelText('已逾期，1 项')).toBeTruthy();
    expect(screen.getByLabelText('全部，7 项')).toBeTruthy();
    const cards = document.querySelectorAll('.task-card');
    expect(cards).toHaveLength(3);
    // The function's order is kept: overdue, then urgent, then by due date.
    expect(within(cards[0] as HTMLElement).getByText('已逾期 3 天')).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByText('紧急')).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByText('必访')).toBeTruthy();
    expect(within(cards[2] as HTMLElement).queryByText('紧急')).toBeNull();
    expect(within(cards[2] as HTMLElement).getByText(/还剩 5 天/)).toBeTruthy();
  });

  it('reads another tab when it is chosen, and keeps the counts for the home page', async () => {
    serve({ today: [task()], overdue: [overdue] });
    render(<VisitTasks />);
    await screen.findByText('王秀兰 · 一组 1 号');
    expect(readTaskCounts()).toEqual(counts);
    fireEvent.click(screen.getByLabelText('已逾期，1 项'));
    expect(await screen.findByText('李建国 · 二组 2 号')).toBeTruthy();
    expect(tabsAsked()).toEqual(['today', 'overdue']);
    // Said once in the flag; the line under it gives the day.
    expect(screen.getByText(`${formatDay(addDays(today, -3))}到期`)).toBeTruthy();
  });

  it('opens a task from its card', async () => {
    serve({ today: [urgentTask()] });
    render(<VisitTasks />);
    fireEvent.click(await screen.findByText('重大疾病：老伴住院了'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/visit/task/index?id=t-urgent' });
  });

  it('says so plainly when nothing is due today', async () => {
    serve({}, { today: 0, week: 0, overdue: 0, all: 0 });
    render(<VisitTasks />);
    expect(await screen.findByText('今天没有要走访的户')).toBeTruthy();
    expect(screen.getByLabelText('今天')).toBeTruthy();
  });

  it('reads the list again on coming back from a task', async () => {
    serve({ today: [urgentTask()] });
    render(<VisitTasks />);
    await screen.findByText('重大疾病：老伴住院了');
    act(() => showPage());
    serve({ today: [] }, { ...counts, today: 0 });
    act(() => showPage());
    expect(await screen.findByText('今天没有要走访的户')).toBeTruthy();
  });

  it('reads the chosen tab again on coming back, though the tab was chosen after the page was first shown', async () => {
    serve({ today: [task()], all: [urgentTask(), task()] });
    render(<VisitTasks />);
    await screen.findByText('王秀兰 · 一组 1 号');
    act(() => showPage());
    fireEvent.click(screen.getByLabelText('全部，7 项'));
    expect(await screen.findByText('重大疾病：老伴住院了')).toBeTruthy();
    serve({ all: [task()] }, { ...counts, all: 1 });
    act(() => showPage());
    await waitFor(() => expect(screen.queryByText('重大疾病：老伴住院了')).toBeNull());
    expect(screen.getByLabelText('全部，1 项')).toBeTruthy();
  });

  it('shows the saved list, marked offline, when the network is down', async () => {
    serve({ today: [urgentTask()] });
    const first = render(<VisitTasks />);
    await screen.findByText('重大疾病：老伴住院了');
    first.unmount();
    cloud.mockRejectedValue(new CloudError('COMMON.NETWORK', '网络连接失败'));
    render(<VisitTasks />);
    expect(await screen.findByText(/网络不通，下面是/)).toBeTruthy();
    expect(screen.getByText('重大疾病：老伴住院了')).toBeTruthy();
  });

  it("keeps each tab's saved list apart: offline, a tab shows its own tasks, not the last tab read", async () => {
    serve({ today: [urgentTask()], overdue: [overdue] });
    const first = render(<VisitTasks />);
    await screen.findByText('重大疾病：老伴住院了');
    fireEvent.click(screen.getByLabelText('已逾期，1 项'));
    await screen.findByText('李建国 · 二组 2 号');
    first.unmount();
    cloud.mockRejectedValue(new CloudError('COMMON.NETWORK', '网络连接失败'));
    render(<VisitTasks />);
    expect(await screen.findByText(/网络不通，下面是/)).toBeTruthy();
    expect(screen.getByText('重大疾病：老伴住院了')).toBeTruthy();
    expect(screen.queryByText('李建国 · 二组 2 号')).toBeNull();
  });

  it('opens on the tab a link names', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { tab: 'week' } } });
    serve({ week: [task()] });
    render(<VisitTasks />);
    await screen.findByText('王秀兰 · 一组 1 号');
    expect(tabsAsked()).toEqual(['week']);
  });
});

describe("the office's overdue list", () => {
  it('opens on 已逾期 and says which tasks were passed up to the township', async () => {
    serve({ overdue: [urgentTask({ dueDate: addDays(today, -1), status: 'overdue', escalated: true, assignee: '杏花村驻村干部' })] });
    render(<OverdueTasks />);
    expect(await screen.findByText('已上报镇里')).toBeTruthy();
    expect(screen.getByText('紧急')).toBeTruthy();
    expect(screen.getByText('已逾期 1 天')).toBeTruthy();
    expect(tabsAsked()).toEqual(['overdue']);
    await waitFor(() => expect(screen.getAllByRole('tab')[0].getAttribute('aria-selected')).toBe('true'));
  });
});
