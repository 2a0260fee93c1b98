import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import VisitPolicy from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const presets = [
  { id: 'hebei-2018', label: '河北 2018', summary: ['驻村干部每月走访每户脱贫户、监测户', '帮扶责任人至少每 2 个月走访一次结对户'] },
  { id: 'shanxi-2022', label: '山西 2022', summary: ['脱贫户、监测户每半月走访一次', '不在村的户每 2 个月电话回访一次'] },
];
const policy = (over: Record<string, unknown> = {}) => ({ current: 'hebei-2018', next: null, presets, canChange: false, ...over });

function serve(first: unknown, setPolicy: () => unknown = () => ({ presetId: 'shanxi-2022', from: '2026-12-01' }), after: unknown = first) {
  let changed = false;
  cloud.mockImplementation(async (_fn: unknown, action: string) => {
    if (action === 'policy') return changed ? after : first;
    if (action === 'setPolicy') {
      const r = setPolicy();
      changed = true;
      return r;
    }
    throw new Error(`unexpected ${action}`);
  });
}
const sets = () => cloud.mock.calls.filter(([, a]) => a === 'setPolicy').map(([, , input]) => input as unknown);

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
});

describe('the visit policy', () => {
  it('shows the rules in force and the presets, read only for a township office', async () => {
    serve(policy());
    render(<VisitPolicy />);
    expect(await screen.findByText('现在执行的规则')).toBeTruthy();
    expect(screen.getByRole('region', { name: '河北 2018' }).textContent).toContain('驻村干部每月走访每户脱贫户、监测户');
    expect(screen.getByText('其他可选的规则')).toBeTruthy();
    expect(screen.getByRole('region', { name: '山西 2022' }).textContent).toContain('不在村的户每 2 个月电话回访一次');
    expect(screen.getByText('走访规则由县驻村办统一设定，您可以在这里查看。')).toBeTruthy();
    expect(screen.queryByText('从下月起改用')).toBeNull();
  });

  it('lets a county office switch from next month, after asking', async () => {
    serve(policy({ canChange: true }), undefined, policy({ canChange: true, next: { presetId: 'shanxi-2022', from: '2026-12-01' } }));
    render(<VisitPolicy />);
    fireEvent.click(await screen.findByLabelText('从下月起改用：山西 2022'));
    expect(screen.getByText(/从下个月 1 日起/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByText('确定'));
    await waitFor(() => expect(sets()).toEqual([{ presetId: 'shanxi-2022' }]));
    expect(await screen.findByText('12月1日起改用')).toBeTruthy();
    expect(screen.getByRole('region', { name: '山西 2022' })).toBeTruthy();
    // Chosen already: nothing to switch to but back, and nothing left under 其他.
    expect(screen.queryByLabelText('从下月起改用：山西 2022')).toBeNull();
    expect(screen.getByLabelText('下月起仍用这个：河北 2018')).toBeTruthy();
    expect(screen.queryByText('其他可选的规则')).toBeNull();
  });

  it('sends nothing when the office thinks better of it', async () => {
    serve(policy({ canChange: true }));
    render(<VisitPolicy />);
    fireEvent.click(await screen.findByLabelText('从下月起改用：山西 2022'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sets()).toEqual([]);
  });

  it("shows the function's refusal in Chinese", async () => {
    serve(policy({ canChange: true }), () => {
      throw new CloudError('COMMON.FORBIDDEN', '您没有权限做这件事');
    });
    render(<VisitPolicy />);
    fireEvent.click(await screen.findByLabelText('从下月起改用：山西 2022'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('确定'));
    expect(await screen.findByText('！您没有权限做这件事')).toBeTruthy();
  });
});
