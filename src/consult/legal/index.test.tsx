import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { profileOf } from '../../visit/test-fixtures';
import { legalCard } from '../test-fixtures';
import LegalCardPage from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const makePhoneCall = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, { makePhoneCall });
const countyOffice = { ...profileOf('office', 'm-county-1'), scope: { level: 'county' as const, id: 'c1', name: '青禾县' } };
const saved = () => cloud.mock.calls.filter(([, a]) => a === 'setLegalCard').map(([, , input]) => input as unknown);

/** Types into the text input labelled `label` (Taro's H5 input appears a moment after render). */
async function typeInput(label: string, text: string) {
  const host = await screen.findByLabelText(label);
  const input = await waitFor(() => {
    const el = host.tagName === 'INPUT' ? host : host.querySelector('input');
    if (!el) throw new Error('input not ready');
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
}

beforeEach(() => {
  Taro.clearStorageSync();
  makePhoneCall.mockClear();
  cloud
    .mockReset()
    .mockImplementation(async (_c: unknown, action: string, input: unknown) => (action === 'setLegalCard' ? input : legalCard));
});

describe('法律援助便民服务卡', () => {
  it('lets a villager read it and call each number with a tap, and not change it', async () => {
    writeCachedHome({ profile: profileOf('villager'), unread: 0 });
    render(<LegalCardPage />);
    fireEvent.click(await screen.findByRole('button', { name: /^石桥镇司法所\s*03517654321/ }));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '03517654321' });
    expect(screen.getByText('县政务服务中心二楼')).toBeTruthy();
    expect(screen.queryByText('修改服务卡')).toBeNull();
  });

  it('is not for a township office to change', async () => {
    writeCachedHome({ profile: profileOf('office', 'm-office-1'), unread: 0 });
    render(<LegalCardPage />);
    await screen.findByText('石桥镇司法所');
    expect(screen.queryByText('修改服务卡')).toBeNull();
  });

  it('lets the county office change the numbers and add a judicial office', async () => {
    writeCachedHome({ profile: countyOffice, unread: 0 });
    render(<LegalCardPage />);
    fireEvent.click(await screen.findByText('修改服务卡'));
    fireEvent.click(screen.getByText('＋ 添加乡镇司法所'));
    await typeInput('第 2 个司法所名称', '柳溪镇司法所');
    fireEvent.click(screen.getByText('保存服务卡'));
    expect(await screen.findByText(/请填写电话，5 到 20 位/)).toBeTruthy();
    expect(saved()).toEqual([]);
    await typeInput('第 2 个司法所电话', '03510001111');
    fireEvent.click(screen.getByText('保存服务卡'));
    expect(await screen.findByText('柳溪镇司法所')).toBeTruthy();
    expect(saved()).toEqual([
      {
        ...legalCard,
        judicialOffices: [...legalCard.judicialOffices, { name: '柳溪镇司法所', phone: '03510001111', address: null }],
      },
    ]);
  });

  it('saves no centre when its fields are all cleared', async () => {
    writeCachedHome({ profile: countyOffice, unread: 0 });
    render(<LegalCardPage />);
    fireEvent.click(await screen.findByText('修改服务卡'));
    await typeInput('法律援助中心名称', '');
    await typeInput('法律援助中心电话', '');
    await typeInput('法律援助中心地址', '');
    fireEvent.click(screen.getByText('保存服务卡'));
    await waitFor(() => expect(saved()).toEqual([{ ...legalCard, centre: null }]));
  });
});
