import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { TermPreview } from '../../../types/notices';
import { typeInto } from '../../../test/doubles/type-into';
import { callCloud } from '../../services/cloud';
import { addDays, chinaToday, formatDay } from '../../services/format';
import { writeCachedHome } from '../../services/profile-cache';
import { profileOf } from '../test-fixtures';
import TermPreviewPage from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const day = addDays(chinaToday(), 5);

const preview = (over: Partial<TermPreview> = {}): TermPreview => ({
  termId: 'dongzhi',
  termName: '冬至',
  year: 2026,
  date: day,
  regionLabel: '华北平原',
  title: '冬至农事提醒：小麦安全越冬',
  advice: '浇好越冬水，镇压保墒。',
  risks: '防冻害，防麦蜘蛛。',
  localNote: null,
  published: false,
  ...over,
});

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  writeCachedHome({ profile: profileOf('cadre'), unread: 0 });
});

describe('节气农事', () => {
  it('shows the coming term’s name, day, region, advice and risks, and that it has not gone out yet', async () => {
    cloud.mockResolvedValue(preview());
    render(<TermPreviewPage />);
    expect(await screen.findByText('冬至')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'notices' }), 'previewTerm', {});
    expect(screen.getByText(`${formatDay(day)}（还有 5 天）`)).toBeTruthy();
    expect(screen.getByText('华北平原 · 节气当天早上自动发给各村')).toBeTruthy();
    expect(screen.getByText('冬至农事提醒：小麦安全越冬')).toBeTruthy();
    expect(screen.getByText('浇好越冬水，镇压保墒。')).toBeTruthy();
    expect(screen.getByText('防冻害，防麦蜘蛛。')).toBeTruthy();
    expect(screen.getByText('还没发出')).toBeTruthy();
  });

  it('lets a cadre add a local note before the day, and shows it as it will go out', async () => {
    cloud.mockImplementation(async (_c: unknown, action: string, input: { note?: string }) =>
      action === 'setTermNote' ? preview({ localNote: input.note ?? null }) : preview(),
    );
    render(<TermPreviewPage />);
    await typeInto('本村说明', ' 本村东片麦田 12 月 25 日统一浇越冬水 ');
    fireEvent.click(screen.getByText('保存本村说明'));
    expect(await screen.findByText('本村说明已保存，节气当天随提醒一起发出')).toBeTruthy();
    expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'notices' }), 'setTermNote', {
      termId: 'dongzhi',
      year: 2026,
      note: '本村东片麦田 12 月 25 日统一浇越冬水',
    });
    expect(screen.getByRole('note', { name: '本村说明' }).textContent).toContain('本村东片麦田 12 月 25 日统一浇越冬水');
  });

  it('says why a note can no longer be added once the term went out', async () => {
    cloud.mockImplementation(async (_c: unknown, action: string) => {
      if (action === 'setTermNote') throw new CloudError('NOTICE.TERM_PASSED', '这个节气的提醒已经发出，不能再加说明了');
      return preview();
    });
    render(<TermPreviewPage />);
    await typeInto('本村说明', '统一浇水');
    fireEvent.click(screen.getByText('保存本村说明'));
    expect(await screen.findByText('！这个节气的提醒已经发出，不能再加说明了')).toBeTruthy();
  });

  it('shows a published term with its note, and no form', async () => {
    cloud.mockResolvedValue(preview({ published: true, date: chinaToday(), localNote: '东片统一浇水' }));
    render(<TermPreviewPage />);
    expect(await screen.findByText('已发出')).toBeTruthy();
    expect(screen.getByText(`${formatDay(chinaToday())}（就是今天）`)).toBeTruthy();
    expect(screen.getByText('东片统一浇水')).toBeTruthy();
    expect(screen.queryByText('保存本村说明')).toBeNull();
    expect(screen.getByText('这个节气的提醒已经发出，不能再加本村说明了。')).toBeTruthy();
  });

  it.each(['villager', 'helper'] as const)('offers a %s no note form', async (role) => {
    writeCachedHome({ profile: profileOf(role), unread: 0 });
    cloud.mockResolvedValue(preview());
    render(<TermPreviewPage />);
    await screen.findByText('冬至');
    expect(screen.queryByText('保存本村说明')).toBeNull();
    expect(screen.queryByLabelText('本村说明')).toBeNull();
  });

  it('offers no note form on the copy saved last time while the network is down', async () => {
    cloud.mockResolvedValue(preview());
    const first = render(<TermPreviewPage />);
    await screen.findByText('保存本村说明');
    first.unmount();
    cloud.mockReset().mockRejectedValue(new CloudError('COMMON.NETWORK', '网络不给力，请检查网络后重试'));
    render(<TermPreviewPage />);
    expect(await screen.findByText('网络不通，下面是上次保存的内容')).toBeTruthy();
    expect(screen.getByText('冬至')).toBeTruthy();
    expect(screen.queryByText('保存本村说明')).toBeNull();
  });

  it('lets an office read what its villages will get, without a note form', async () => {
    writeCachedHome({ profile: profileOf('office'), unread: 0 });
    cloud.mockResolvedValue(preview());
    render(<TermPreviewPage />);
    await screen.findByText('冬至');
    await waitFor(() => expect(screen.queryByText('保存本村说明')).toBeNull());
  });
});
