import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { addDays, chinaToday, formatDay } from '../../services/format';
import { FakeRecognition, installSpeechRecognition } from '../../../test/doubles/speech-recognition';
import ReportEvent from './index';
import { typeInto } from '../../../test/doubles/type-into';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const due = addDays(chinaToday(), 3);
const answer = {
  eventId: 'e1',
  dueDate: due,
  visitors: [
    { name: '赵明远', role: 'cadre', title: '第一书记' },
    { name: '陈静', role: 'helper', title: null },
  ],
};
const sent = () => cloud.mock.calls.map(([, , input]) => input as Record<string, unknown>);

const typeNote = (text: string) => typeInto('情况说明', text);

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset().mockResolvedValue(answer);
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } });
  (Taro.reLaunch as jest.Mock).mockClear();
  (Taro.redirectTo as jest.Mock).mockClear();
});

describe('家里有事，请干部来一趟', () => {
  it('asks what happened and a few words before the confirmation step, sending nothing', async () => {
    render(<ReportEvent />);
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText('！请选择家里发生了什么事')).toBeTruthy();
    expect(screen.getByText('！情况说明至少写 2 个字')).toBeTruthy();
    expect(cloud).not.toHaveBeenCalled();
    expect(screen.getByLabelText('选事情，当前')).toBeTruthy();
  });

  it("confirms, then tells the villager who will come and by when, for the villager's own household", async () => {
    render(<ReportEvent />);
    fireEvent.click(screen.getByLabelText('重大疾病'));
    await typeNote('  老伴住院了，家里没人照顾 ');
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByLabelText('确认，当前')).toBeTruthy();
    expect(screen.getByText('请确认要告诉驻村干部的事')).toBeTruthy();
    expect(screen.getByText('老伴住院了，家里没人照顾')).toBeTruthy();
    expect(cloud).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('确认，请干部来'));
    expect(await screen.findByText('✓ 已经告诉驻村干部了')).toBeTruthy();
    expect(screen.getByLabelText('已告诉干部，已完成')).toBeTruthy();
    expect(sent()).toEqual([{ event: 'serious_illness', note: '老伴住院了，家里没人照顾', requestId: expect.stringMatching(UUID_V4) }]);
    expect(cloud.mock.calls[0].slice(0, 2)).toEqual([expect.objectContaining({ name: 'tasks' }), 'reportEvent']);
    const who = screen.getByRole('list', { name: '谁会来' });
    expect(within(who).getByText('赵明远（第一书记）')).toBeTruthy();
    expect(within(who).getByText('陈静（帮扶责任人）')).toBeTruthy();
    expect(screen.getByText(formatDay(due))).toBeTruthy();
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('goes back to change what was written', async () => {
    render(<ReportEvent />);
    fireEvent.click(screen.getByLabelText('红白喜事'));
    await typeNote('儿子下个月结婚');
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(screen.getByText('返回修改'));
    fireEvent.click(screen.getByLabelText('家庭变故'));
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('家庭变故')).toBeTruthy();
  });

  it('reports for a household when staff open it for one', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { householdId: 'h1' } } });
    render(<ReportEvent />);
    fireEvent.click(screen.getByLabelText('上学就医特殊困难'));
    await typeNote('孩子考上大学，学费凑不齐');
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(screen.getByText('确认，请干部来'));
    await screen.findByText('✓ 已经告诉驻村干部了');
    expect(sent()[0]).toMatchObject({ householdId: 'h1', event: 'hardship' });
    fireEvent.click(screen.getByText('回到这一户'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/visit/household/index?id=h1' });
  });

  it('retries a lost answer with the same request id, and shows a refusal in Chinese', async () => {
    cloud
      .mockRejectedValueOnce(new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试'))
      .mockRejectedValueOnce(new CloudError('TASK.NO_HOUSEHOLD', '您还没有绑定到哪一户，请联系驻村干部'));
    render(<ReportEvent />);
    fireEvent.click(screen.getByLabelText('重大疾病'));
    await typeNote('老伴住院了');
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(screen.getByText('确认，请干部来'));
    expect(await screen.findByText('！服务器响应超时，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('确认，请干部来'));
    expect(await screen.findByText('！您还没有绑定到哪一户，请联系驻村干部')).toBeTruthy();
    const [a, b] = sent();
    expect(a.requestId).toBe(b.requestId);
  });

  it('adds what the villager says to the note', async () => {
    const remove = installSpeechRecognition();
    try {
      render(<ReportEvent />);
      fireEvent.click(screen.getByText('点我说话'));
      act(() => {
        FakeRecognition.latest().hear('老伴住院了');
        FakeRecognition.latest().end();
      });
      expect(screen.getByText('5/200 字')).toBeTruthy();
    } finally {
      remove();
    }
  });
});
