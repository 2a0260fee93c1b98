import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { householdPage } from '../../visit/test-fixtures';
import { callCloud } from '../../services/cloud';
import { uploadPhoto } from '../../services/upload';
import { typeInto } from '../../../test/doubles/type-into';
import { legalCard, summary } from '../test-fixtures';
import { askToBeNotified } from '../../services/subscribe';
import ConsultNew from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
jest.mock('../../services/upload', () => ({ uploadPhoto: jest.fn() }));
const upload = uploadPhoto as jest.Mock;
jest.mock('../../services/subscribe', () => ({ askToBeNotified: jest.fn() }));
const ask = askToBeNotified as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const makePhoneCall = jest.fn().mockResolvedValue(undefined);
Object.assign(Taro, { makePhoneCall });

/** consults.submit's answers, in order; the other reads answer from fixtures. */
const submit = jest.fn();
const submits = () => submit.mock.calls.map(([input]) => input as Record<string, unknown>);

beforeEach(() => {
  Taro.clearStorageSync();
  submit.mockReset();
  makePhoneCall.mockClear();
  ask.mockClear();
  cloud.mockReset().mockImplementation(async ({ name }: { name: string }, action: string, input: unknown) => {
    if (name === 'consults' && action === 'submit') return submit(input);
    if (name === 'consults' && action === 'legalCard') return legalCard;
    if (name === 'visits' && action === 'household') return householdPage();
    throw new Error(`unexpected ${name}.${action}`);
  });
  upload.mockReset().mockImplementation(async (path: string) => `cloud://env/consult-photos/${path.split('/').pop()}`);
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } });
  (Taro.redirectTo as jest.Mock).mockClear();
  (Taro.reLaunch as jest.Mock).mockClear();
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

/** Chooses the type, describes it and goes on to the consent step. */
async function fillIn(type: string, text: string) {
  fireEvent.click(screen.getByRole('radio', { name: type }));
  await typeInto('情况说明', text);
  fireEvent.click(screen.getByText('下一步'));
  await screen.findByText('请确认要请干部办的事');
}

describe('找干部帮忙', () => {
  it('offers every kind of help as a big icon with its words', () => {
    render(<ConsultNew />);
    const names = screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'));
    expect(names).toEqual([
      '代写书信',
      '代填表格',
      '证照办理',
      '产业发展咨询',
      '就医协助',
      '医保报销 / 慢性病证',
      '助学贷款 / 小额信贷',
      '劳动保障咨询',
      '网上代购代销',
      '法律咨询 / 矛盾调解',
      '其他',
    ]);
    expect(document.querySelectorAll('.type-icon')).toHaveLength(11);
  });

  it('asks for a clearer description and sends nothing', async () => {
    render(<ConsultNew />);
    fireEvent.click(screen.getByRole('radio', { name: '就医协助' }));
    await typeInto('情况说明', '挂号');
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText(/至少写 5 个字/)).toBeTruthy();
    expect(screen.queryByText('请确认要请干部办的事')).toBeNull();
    expect(submit).not.toHaveBeenCalled();
  });

  it('refuses to send without the consent, says why at the box, and sends once it is given', async () => {
    submit.mockResolvedValueOnce(summary());
    render(<ConsultNew />);
    await fillIn('就医协助', '  老伴下周要去县医院看病，想请干部帮忙挂号  ');
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    expect(await screen.findByText(/要请干部代办，需要您先同意由干部代为办理/)).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    expect(ask).not.toHaveBeenCalled();

    const consent = screen.getByRole('checkbox', { name: '我同意由驻村干部代为办理，并为此使用我家的相关信息' });
    fireEvent.click(consent);
    expect(consent.getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText(/需要您先同意/)).toBeNull();
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    expect(await screen.findByText('✓ 已经交给驻村干部了')).toBeTruthy();
    expect(submits()).toEqual([
      { type: 'medical', text: '老伴下周要去县医院看病，想请干部帮忙挂号', consent: true, requestId: expect.stringMatching(UUID_V4) },
    ]);
    // Asked in the tap that sends, so the answer can reach WeChat too.
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('says who will handle it and when to expect an answer, and leads to the request or home', async () => {
    submit.mockResolvedValueOnce(summary({ id: 'c9' }));
    render(<ConsultNew />);
    await fillIn('就医协助', '老伴下周要去县医院看病，想请干部帮忙挂号');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    await screen.findByText('✓ 已经交给驻村干部了');
    expect(screen.getByText('本村驻村干部')).toBeTruthy();
    expect(screen.getByText(/一般 4 小时内答复，2 天内办好/)).toBeTruthy();
    fireEvent.click(screen.getByText('查看这条求助'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/consult/detail/index?id=c9' });
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('shows the legal-aid card on a legal question, and a tap on a number calls it', async () => {
    render(<ConsultNew />);
    fireEvent.click(screen.getByRole('radio', { name: '法律咨询 / 矛盾调解' }));
    expect(await screen.findByText('法律援助便民服务卡')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^公共法律服务热线\s*12348/ }));
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12348' });
    fireEvent.click(screen.getByRole('button', { name: /青禾县法律援助中心/ }));
    expect(makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '03511234567' });
  });

  it('shows no legal-aid card for other kinds of help', async () => {
    render(<ConsultNew />);
    fireEvent.click(screen.getByRole('radio', { name: '代写书信' }));
    await screen.findByLabelText('情况说明');
    expect(screen.queryByText('法律援助便民服务卡')).toBeNull();
    expect(cloud).not.toHaveBeenCalledWith(expect.anything(), 'legalCard', expect.anything());
  });

  it('lets a cadre ask for a household, says for whom and sends its id', async () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { householdId: 'h1' } } });
    submit.mockResolvedValueOnce(summary());
    render(<ConsultNew />);
    expect(await screen.findByText(/王秀兰（一组 1 号）/)).toBeTruthy();
    await fillIn('代填表格', '帮忙填一下医保报销的表');
    fireEvent.click(screen.getByRole('checkbox', { name: '这一户已同意由驻村干部代为办理，并为此使用他家的相关信息' }));
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    await screen.findByText('✓ 已经交给驻村干部了');
    expect(submits()[0]).toMatchObject({ type: 'forms', householdId: 'h1', consent: true });
    expect(ask).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('回到这一户'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/visit/household/index?id=h1' });
  });

  it('retries a timed-out request with the same request id, so it is not created twice', async () => {
    const timeout = () => new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
    submit.mockRejectedValueOnce(timeout()).mockResolvedValueOnce(summary());
    render(<ConsultNew />);
    await fillIn('就医协助', '老伴下周要去县医院看病，想请干部帮忙挂号');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    expect(await screen.findByText(/服务器响应超时/)).toBeTruthy();
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    await screen.findByText('✓ 已经交给驻村干部了');
    const ids = submits().map((i) => i.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('uploads the photos when sending and sends their ids', async () => {
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['wxfile://tmp/form.jpg'] });
    submit.mockResolvedValueOnce(summary());
    render(<ConsultNew />);
    fireEvent.click(screen.getByRole('radio', { name: '代填表格' }));
    await typeInto('情况说明', '帮忙填一下医保报销的表');
    await act(async () => void fireEvent.click(screen.getByText(/添加照片/)));
    await screen.findByLabelText('第 1 张照片');
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText('附 1 张照片')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('提交，请干部帮忙'));
    await screen.findByText('✓ 已经交给驻村干部了');
    expect(submits()[0]).toMatchObject({ photos: ['cloud://env/consult-photos/form.jpg'] });
  });

  it('keeps what was typed when the page is left, and offers it again', async () => {
    const { unmount } = render(<ConsultNew />);
    fireEvent.click(screen.getByRole('radio', { name: '就医协助' }));
    await typeInto('情况说明', '老伴下周要去县医院看病');
    unmount();
    render(<ConsultNew />);
    expect(await screen.findByText(/已填好您上次没有提交的内容/)).toBeTruthy();
    await waitFor(() => expect(document.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('老伴下周要去县医院看病'));
  });
});
