import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { addDays, chinaToday, formatDay } from '../../services/format';
import CareReport from './index';
import { typeInto } from '../../../test/doubles/type-into';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const due = addDays(chinaToday(), 7);
const candidates = {
  items: [
    { memberId: 'm-cadre-1', name: '赵明远', title: '第一书记', villageName: '杏花村' },
    { memberId: 'm-cadre-2', name: '孙立军', title: null, villageName: '杏花村' },
  ],
  nextCursor: null,
};
const reports = () => cloud.mock.calls.filter(([, a]) => a === 'reportCadreEvent').map(([, , input]) => input as Record<string, unknown>);

const typeNote = (text: string) => typeInto('情况说明', text);

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset().mockImplementation(async (_fn: unknown, action: string) => {
    if (action === 'careCandidates') return candidates;
    return { eventId: 'e1', dueDate: due };
  });
});

describe('关爱干部', () => {
  it('reports a cadre in hospital with one request id and says when the township will come', async () => {
    render(<CareReport />);
    fireEvent.click(await screen.findByLabelText('孙立军（杏花村）'));
    fireEvent.click(screen.getByLabelText('生病住院'));
    await typeNote('胃出血住院了，要住一周');
    fireEvent.click(screen.getByText('告诉乡镇驻村办'));
    expect(await screen.findByText('✓ 已经告诉乡镇驻村办了')).toBeTruthy();
    expect(screen.getByText(formatDay(due))).toBeTruthy();
    expect(reports()).toEqual([
      { memberId: 'm-cadre-2', event: 'hospitalised', note: '胃出血住院了，要住一周', requestId: expect.any(String) },
    ]);
  });

  it('says what is missing and sends nothing', async () => {
    render(<CareReport />);
    await screen.findByLabelText('赵明远（杏花村）');
    fireEvent.click(screen.getByText('告诉乡镇驻村办'));
    expect(await screen.findByText(/请选择是哪位干部/)).toBeTruthy();
    expect(screen.getByText(/请选择发生了什么事/)).toBeTruthy();
    expect(reports()).toEqual([]);
  });

  it('keeps what was typed and the request id when the network fails, and retries once', async () => {
    cloud.mockImplementation(async (_fn: unknown, action: string) => {
      if (action === 'careCandidates') return candidates;
      if (reports().length === 1) throw new CloudError('COMMON.NETWORK', '网络不给力，请检查网络后重试');
      return { eventId: 'e1', dueDate: due };
    });
    render(<CareReport />);
    fireEvent.click(await screen.findByLabelText('赵明远（杏花村）'));
    fireEvent.click(screen.getByLabelText('工作难度大'));
    await typeNote('村里矛盾多，压力很大');
    fireEvent.click(screen.getByText('告诉乡镇驻村办'));
    expect(await screen.findByText(/网络不给力/)).toBeTruthy();
    fireEvent.click(screen.getByText('告诉乡镇驻村办'));
    expect(await screen.findByText('✓ 已经告诉乡镇驻村办了')).toBeTruthy();
    const [first, second] = reports();
    expect(second.requestId).toBe(first.requestId);
  });
});
