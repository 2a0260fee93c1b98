import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { chinaDate, dateWords, monthStart } from './dates';
import Ledger from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const url = 'https://tmp.example/ledgers/l1.xlsx?sign=abc';
const platform = Taro as unknown as { downloadFile: jest.Mock; openDocument: jest.Mock };

beforeEach(() => {
  cloud.mockReset().mockResolvedValue({ url });
  platform.downloadFile = jest.fn().mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/l1.xlsx' });
  platform.openDocument = jest.fn().mockResolvedValue(undefined);
});

/** Picks a date as Taro's date picker reports it. */
function pick(index: number, value: string) {
  const picker = document.querySelectorAll('taro-picker-core')[index];
  act(() => void picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true })));
}

describe('the wish ledger', () => {
  it('starts at the first of this month and ends today, in China time', () => {
    render(<Ledger />);
    expect(screen.getByText(`${dateWords(monthStart())} ›`)).toBeTruthy();
    expect(screen.getByText(`${dateWords(chinaDate())} ›`)).toBeTruthy();
  });

  it('asks the function for the range and downloads the file in the browser', async () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<Ledger />);
    pick(0, '2026-11-01');
    pick(1, '2026-11-30');
    fireEvent.click(screen.getByText('导出台账'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'wishes' }), 'ledger', { from: '2026-11-01', to: '2026-11-30' });
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.href).toBe(url);
    expect(anchor.download).toBe('心愿台账_2026-11-01_2026-11-30.xlsx');
    click.mockRestore();
  });

  it('in WeChat, downloads the file and opens it with the menu to send it on', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      render(<Ledger />);
      fireEvent.click(screen.getByText('导出台账'));
      await waitFor(() => expect(platform.openDocument).toHaveBeenCalled());
      expect(platform.downloadFile).toHaveBeenCalledWith({ url });
      expect(platform.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/l1.xlsx', fileType: 'xlsx', showMenu: true });
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('says in Chinese when the link had expired', async () => {
    process.env.TARO_ENV = 'weapp';
    platform.downloadFile.mockResolvedValueOnce({ statusCode: 403, tempFilePath: '' });
    try {
      render(<Ledger />);
      fireEvent.click(screen.getByText('导出台账'));
      expect(await screen.findByText('！台账链接已过期，请重新导出')).toBeTruthy();
      expect(platform.openDocument).not.toHaveBeenCalled();
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('refuses a range that ends before it starts, without asking the function', async () => {
    render(<Ledger />);
    pick(0, '2026-11-30');
    pick(1, '2026-11-01');
    fireEvent.click(screen.getByText('导出台账'));
    expect(await screen.findByText('！开始日期不能晚于结束日期')).toBeTruthy();
    expect(cloud).not.toHaveBeenCalled();
  });

  it("shows the function's refusal in Chinese", async () => {
    cloud.mockRejectedValueOnce(new CloudError('COMMON.FORBIDDEN', '您没有权限做这件事'));
    render(<Ledger />);
    fireEvent.click(screen.getByText('导出台账'));
    expect(await screen.findByText('！您没有权限做这件事')).toBeTruthy();
  });
});

describe('China dates', () => {
  it('turn over at midnight in China, not where the phone is', () => {
    expect(chinaDate(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(chinaDate(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
    expect(monthStart(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
  });
});
