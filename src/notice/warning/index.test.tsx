import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { typeInto } from '../../../test/doubles/type-into';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { profileOf, warning } from '../test-fixtures';
import { instantOf, nextDay } from '../when-field';
import WarningEntry from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const UUID = /^[0-9a-f-]{36}$/;
const text = '预计未来 6 小时杏花村有 100 毫米以上降水，请转移低洼处群众，停止田间作业。';

function answering(enter: (input: Record<string, unknown>) => unknown = (input) => warning({ id: 'w9', title: String(input.title) })) {
  cloud.mockImplementation(async ({ name }: { name: string }, action: string, input: Record<string, unknown>) => {
    if (name !== 'notices') throw new Error(`unexpected ${name}`);
    if (action === 'villages')
      return {
        items: [
          { id: 'v-xinghua', name: '杏花村' },
          { id: 'v-liuxi', name: '柳溪村' },
        ],
      };
    if (action === 'get') return { ...warning(), villageNames: ['杏花村'], canSeeReaders: true };
    if (action === 'enterWarning') return enter(input);
    throw new Error(`unexpected ${action}`);
  });
}
const entered = () => cloud.mock.calls.filter(([, a]) => a === 'enterWarning').map(([, , input]) => input as Record<string, unknown>);
/** Taro's H5 Input carries the label on its inner <input>, drawn a moment after the page. */
const titleField = () => {
  const el = screen.getByLabelText('预警标题');
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')) as HTMLInputElement;
};

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  answering();
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } });
  (Taro.redirectTo as jest.Mock).mockClear();
  writeCachedHome({ profile: profileOf('office'), unread: 0 });
});

describe('发布预警', () => {
  it('titles the warning from its type and level, and asks before a red one goes to everyone at once', async () => {
    render(<WarningEntry />);
    fireEvent.click(screen.getByLabelText('暴雨'));
    fireEvent.click(screen.getByLabelText('红色预警'));
    await waitFor(() => expect(titleField().value).toBe('暴雨红色预警'));
    await typeInto('预警内容', text);
    fireEvent.click(screen.getByText('发布预警'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('红色预警会马上发给所选各村用小程序的每一个人');
    expect(entered()).toEqual([]);
    fireEvent.click(within(dialog).getByText('马上发布'));
    expect(await screen.findByText('✓ 预警已发布')).toBeTruthy();
    const { start, end } = nextDay();
    expect(entered()).toEqual([
      {
        type: '暴雨',
        level: 'red',
        title: '暴雨红色预警',
        text,
        start: instantOf(start),
        end: instantOf(end),
        requestId: expect.stringMatching(UUID),
      },
    ]);
    fireEvent.click(screen.getByText('看看谁读了'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/notice/detail/index?id=w9' });
  });

  it('sends nothing when the office cancels at the question before an orange one', async () => {
    render(<WarningEntry />);
    fireEvent.click(screen.getByLabelText('暴雨'));
    fireEvent.click(screen.getByLabelText('橙色预警'));
    await typeInto('预警内容', text);
    fireEvent.click(screen.getByText('发布预警'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('橙色预警会马上发给');
    fireEvent.click(within(dialog).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(entered()).toEqual([]);
    expect(screen.queryByText('✓ 预警已发布')).toBeNull();
  });

  it('sends a blue warning without asking, to the villages picked', async () => {
    render(<WarningEntry />);
    fireEvent.click(screen.getByLabelText('大风'));
    fireEvent.click(screen.getByLabelText('蓝色预警'));
    fireEvent.click(await screen.findByLabelText('柳溪村'));
    await typeInto('预警内容', text);
    fireEvent.click(screen.getByText('发布预警'));
    expect(await screen.findByText('✓ 预警已发布')).toBeTruthy();
    expect(entered()[0]).toMatchObject({ type: '大风', level: 'blue', title: '大风蓝色预警', villageIds: ['v-liuxi'] });
  });

  it('keeps a title typed by hand when the level changes', async () => {
    render(<WarningEntry />);
    fireEvent.click(screen.getByLabelText('寒潮'));
    fireEvent.click(screen.getByLabelText('黄色预警'));
    await waitFor(() => expect(titleField().value).toBe('寒潮黄色预警'));
    fireEvent.input(titleField(), { target: { value: '县气象台寒潮预警' } });
    fireEvent.click(screen.getByLabelText('橙色预警'));
    await waitFor(() => expect(titleField().value).toBe('县气象台寒潮预警'));
  });

  it('says what is missing at each field and sends nothing', async () => {
    render(<WarningEntry />);
    fireEvent.click(screen.getByText('发布预警'));
    expect(await screen.findByText('！请选择预警种类')).toBeTruthy();
    expect(screen.getByText('！请选择预警等级')).toBeTruthy();
    expect(screen.getByText('！内容至少 5 个字')).toBeTruthy();
    expect(entered()).toEqual([]);
  });

  it('shows the function’s refusal above the button and keeps the request id for a retry', async () => {
    let first = true;
    answering((input) => {
      if (first) {
        first = false;
        throw new CloudError('NOTICE.OUT_OF_SCOPE', '只能发给您负责的村');
      }
      return warning({ id: 'w9', title: String(input.title) });
    });
    render(<WarningEntry />);
    fireEvent.click(screen.getByLabelText('霜冻'));
    fireEvent.click(screen.getByLabelText('黄色预警'));
    await typeInto('预警内容', text);
    fireEvent.click(screen.getByText('发布预警'));
    expect(await screen.findByText('！只能发给您负责的村')).toBeTruthy();
    fireEvent.click(screen.getByText('发布预警'));
    await screen.findByText('✓ 预警已发布');
    expect(entered()[0].requestId).toBe(entered()[1].requestId);
  });
});

describe('updating or lifting a warning', () => {
  it('starts from the warning as it stands and sends an update of it', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'w1', action: 'update' } } });
    render(<WarningEntry />);
    await waitFor(() => expect(titleField().value).toBe('暴雨红色预警'));
    expect(screen.getByLabelText('暴雨').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('发给：杏花村')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('橙色预警'));
    fireEvent.input(titleField(), { target: { value: '暴雨橙色预警' } });
    fireEvent.click(screen.getByText('发布更新'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('马上发布'));
    expect(await screen.findByText('✓ 预警已更新')).toBeTruthy();
    expect(entered()[0]).toMatchObject({
      status: 'update',
      sourceId: 'w1',
      level: 'orange',
      title: '暴雨橙色预警',
      type: '暴雨',
      start: instantOf({ date: '2026-11-27', hour: 14 }),
    });
    expect(entered()[0]).not.toHaveProperty('villageIds');
  });

  it('does not lift a warning when the office cancels at the question', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'w1', action: 'cancel' } } });
    render(<WarningEntry />);
    fireEvent.click(await screen.findByText('解除预警'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(entered()).toEqual([]);
  });

  it('lifts a warning after asking', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'w1', action: 'cancel' } } });
    render(<WarningEntry />);
    fireEvent.click(await screen.findByText('解除预警'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('已解除');
    fireEvent.click(within(dialog).getByText('解除预警'));
    expect(await screen.findByText('✓ 预警已解除')).toBeTruthy();
    expect(entered()[0]).toMatchObject({ status: 'cancel', sourceId: 'w1', title: '暴雨红色预警', level: 'red' });
  });
});
