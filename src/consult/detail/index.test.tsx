import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ConsultDetail } from '../../../types/consults';
import { callCloud } from '../../services/cloud';
import { writeCachedHome } from '../../services/profile-cache';
import { profileOf } from '../../visit/test-fixtures';
import { typeInto } from '../../../test/doubles/type-into';
import { detail, inHours, legalCard, noActions } from '../test-fixtures';
import Consult from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

/** Answers consults.get with `consult` and each other action from `answers`. */
function serve(consult: ConsultDetail, answers: Record<string, (input: Record<string, unknown>) => unknown> = {}) {
  cloud.mockImplementation(async ({ name }: { name: string }, action: string, input: Record<string, unknown>) => {
    if (name === 'consults' && action === 'get') return consult;
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected ${name}.${action}`);
    return answer(input);
  });
}
const calls = (action: string) => cloud.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input as unknown);
const as = (role: 'villager' | 'cadre' | 'office') => writeCachedHome({ profile: profileOf(role), unread: 0 });

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  as('cadre');
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'c1' } } });
});
afterAll(() => (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } }));

describe('a request, for the cadre', () => {
  it('shows its status steps, the household, the description, photos and history, and nothing to do without `can`', async () => {
    serve(detail({ photoUrls: ['https://files/1.jpg'] }));
    render(<Consult />);
    expect(await screen.findByText('王秀兰 · 一组 1 号')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'consults' }), 'get', { id: 'c1' });
    const steps = screen.getByRole('list', { name: '进度' });
    expect(within(steps).getByLabelText('待受理，当前')).toBeTruthy();
    expect(within(steps).getByLabelText('已完成，未开始')).toBeTruthy();
    expect(screen.getByLabelText('求助照片 1')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '办理记录' })).getByText('提交求助')).toBeTruthy();
    for (const word of ['受理', '转交', '办结', '发送留言']) expect(screen.queryByText(word)).toBeNull();
  });

  it('marks an overdue request 已超时 in words', async () => {
    serve(detail({ overdue: true, dueAt: inHours(-5), escalated: true }));
    render(<Consult />);
    expect(await screen.findByText(/已超时 5 小时/)).toBeTruthy();
    expect(screen.getByText('已上报镇里')).toBeTruthy();
  });

  it('accepts it when `can` allows, and shows the request as it now is', async () => {
    serve(detail({ can: { ...noActions, accept: true, assign: true } }), {
      accept: () =>
        detail({ status: 'accepted', assignee: '赵明远（第一书记）', can: { ...noActions, reply: true, resolve: true, assign: true } }),
    });
    render(<Consult />);
    fireEvent.click(await screen.findByText('受理'));
    expect(await screen.findByText('已受理，请尽快联系群众')).toBeTruthy();
    expect(calls('accept')).toEqual([{ id: 'c1' }]);
    expect(screen.getByText(/办理人：赵明远（第一书记）/)).toBeTruthy();
    expect(screen.getByText('办结')).toBeTruthy();
  });

  it('hands it over to someone chosen from the list, with a note, after asking', async () => {
    serve(detail({ can: { ...noActions, accept: true, assign: true } }), {
      assignees: () => ({
        items: [
          { memberId: 'm-cadre-2', name: '孙丽', title: '驻村工作队员', role: 'cadre' },
          { memberId: 'm-office-1', name: '李华', title: null, role: 'office' },
        ],
      }),
      assign: () => detail({ assignee: '李华（驻村办）' }),
    });
    render(<Consult />);
    fireEvent.click(await screen.findByText('转交'));
    fireEvent.click(await screen.findByRole('radio', { name: '李华（驻村办）' }));
    await typeInto('转交说明', '要镇里民政办出面');
    fireEvent.click(screen.getAllByText('转交').at(-1)!);
    expect(await screen.findByText('转交给李华？')).toBeTruthy();
    fireEvent.click(screen.getAllByText('转交').at(-1)!);
    await waitFor(() => expect(calls('assign')).toEqual([{ id: 'c1', toMemberId: 'm-office-1', note: '要镇里民政办出面' }]));
  });

  it('sends nothing when the hand-over is cancelled at the question', async () => {
    serve(detail({ can: { ...noActions, assign: true } }), {
      assignees: () => ({ items: [{ memberId: 'm-cadre-2', name: '孙丽', title: null, role: 'cadre' }] }),
      assign: () => detail(),
    });
    render(<Consult />);
    fireEvent.click(await screen.findByText('转交'));
    fireEvent.click(await screen.findByRole('radio', { name: '孙丽（驻村干部）' }));
    fireEvent.click(screen.getAllByText('转交').at(-1)!);
    const dialog = await screen.findByRole('dialog', { name: '转交给孙丽？' });
    fireEvent.click(within(dialog).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls('assign')).toEqual([]);
  });

  it('does not ask the cadre 问题解决了吗？ on a resolved request, and shows the resolution', async () => {
    serve(detail({ status: 'resolved', resolution: '已挂好周三上午的号', can: { ...noActions, reply: true } }));
    render(<Consult />);
    expect(await screen.findByText('已挂好周三上午的号')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '问题解决了吗？' })).toBeNull();
    expect(screen.queryByText('解决了')).toBeNull();
  });

  it('keeps a reply that failed to send, and retries it with the same request id', async () => {
    const reply = jest
      .fn()
      .mockImplementationOnce(() => {
        throw new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
      })
      .mockImplementationOnce(() => detail({ can: { ...noActions, reply: true } }));
    serve(detail({ status: 'accepted', can: { ...noActions, reply: true } }), { reply });
    render(<Consult />);
    await typeInto('留言', '明天上午我去您家');
    fireEvent.click(screen.getByText('发送留言'));
    expect(await screen.findByText(/服务器响应超时/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('留言').value).toBe('明天上午我去您家');
    fireEvent.click(screen.getByText('发送留言'));
    await waitFor(() => expect(calls('reply')).toHaveLength(2));
    const [first, second] = calls('reply') as { requestId: string }[];
    expect(second.requestId).toBe(first.requestId);
  });

  it('offers no action on the copy saved last time while the network is down', async () => {
    serve(detail({ can: { ...noActions, accept: true, assign: true, reply: true } }));
    const first = render(<Consult />);
    await screen.findByText('受理');
    first.unmount();
    cloud.mockReset().mockRejectedValue(new CloudError('COMMON.NETWORK', '网络不给力，请检查网络后重试'));
    render(<Consult />);
    expect(await screen.findByText('网络不通，下面是上次保存的内容')).toBeTruthy();
    expect(screen.getByText('王秀兰 · 一组 1 号')).toBeTruthy();
    for (const word of ['受理', '转交', '发送留言']) expect(screen.queryByText(word)).toBeNull();
  });

  it('asks whom to hand it to before anything is sent', async () => {
    serve(detail({ can: { ...noActions, assign: true } }), {
      assignees: () => ({ items: [{ memberId: 'm-cadre-2', name: '孙丽', title: null, role: 'cadre' }] }),
    });
    render(<Consult />);
    fireEvent.click(await screen.findByText('转交'));
    await screen.findByRole('radio', { name: '孙丽（驻村干部）' });
    fireEvent.click(screen.getAllByText('转交').at(-1)!);
    expect(await screen.findByText(/请选择转交给谁/)).toBeTruthy();
    expect(calls('assign')).toEqual([]);
  });

  it('resolves it with a note, which is required', async () => {
    serve(detail({ status: 'in_progress', can: { ...noActions, reply: true, resolve: true } }), {
      resolve: () => detail({ status: 'resolved', resolution: '已挂好周三上午的号' }),
    });
    render(<Consult />);
    // Only what `can` allows: this request is accepted already and may not be handed over.
    await screen.findByText('办结');
    expect(screen.queryByText('受理')).toBeNull();
    expect(screen.queryByText('转交')).toBeNull();
    fireEvent.click(screen.getByText('办结'));
    fireEvent.click(screen.getByText('确认办结'));
    expect(await screen.findByText(/请填写办理结果/)).toBeTruthy();
    expect(calls('resolve')).toEqual([]);
    await typeInto('办理结果', ' 已挂好周三上午的号 ');
    fireEvent.click(screen.getByText('确认办结'));
    await waitFor(() => expect(calls('resolve')).toEqual([{ id: 'c1', note: '已挂好周三上午的号' }]));
    expect(await screen.findByText('已挂好周三上午的号')).toBeTruthy();
  });

  it('says why an action was refused', async () => {
    serve(detail({ can: { ...noActions, accept: true } }), {
      accept: () => {
        throw new CloudError('CONSULT.BAD_TRANSITION', '这条求助现在不能这样操作，请刷新后再看');
      },
    });
    render(<Consult />);
    fireEvent.click(await screen.findByText('受理'));
    expect(await screen.findByText(/这条求助现在不能这样操作/)).toBeTruthy();
  });

  it('puts the household on one side and the cadre on the other, each under a name', async () => {
    serve(
      detail({
        thread: [
          { id: 'm1', at: inHours(-2), authorName: '王秀兰', fromHousehold: true, text: '周三上午可以吗' },
          { id: 'm2', at: inHours(-1), authorName: '赵明远', fromHousehold: false, text: '可以，我来挂号' },
        ],
      }),
    );
    render(<Consult />);
    const thread = await screen.findByRole('list', { name: '沟通记录' });
    const [first, second] = within(thread).getAllByRole('listitem');
    expect(first.textContent).toContain('王秀兰');
    expect(first.className).not.toContain('is-own');
    expect(second.textContent).toContain('赵明远（干部）');
    expect(second.className).toContain('is-own');
  });

  it('sends a reply with a request id and shows it in the thread', async () => {
    serve(detail({ status: 'accepted', can: { ...noActions, reply: true } }), {
      reply: (input) =>
        detail({
          status: 'in_progress',
          thread: [{ id: 'm1', at: inHours(0), authorName: '赵明远', fromHousehold: false, text: input.text as string }],
        }),
    });
    render(<Consult />);
    await typeInto('留言', '明天上午我去您家');
    fireEvent.click(screen.getByText('发送留言'));
    expect(await within(await screen.findByRole('list', { name: '沟通记录' })).findByText('明天上午我去您家')).toBeTruthy();
    expect(calls('reply')).toEqual([{ id: 'c1', text: '明天上午我去您家', requestId: expect.any(String) }]);
  });

  it('shows the legal-aid card on a legal request', async () => {
    serve(detail({ type: 'legal', legalAid: legalCard }));
    render(<Consult />);
    expect(await screen.findByText('法律援助便民服务卡')).toBeTruthy();
    expect(screen.getByText('石桥镇司法所')).toBeTruthy();
  });
});

describe('问题解决了吗？ for the villager', () => {
  const resolved = () =>
    detail({ status: 'resolved', resolution: '已挂好周三上午的号', can: { ...noActions, reply: true, confirm: true } });
  beforeEach(() => as('villager'));

  it('asks first, with the cadre’s note, and closes the request on 解决了', async () => {
    serve(resolved(), { confirm: () => detail({ status: 'closed' }) });
    render(<Consult />);
    const card = await screen.findByRole('region', { name: '问题解决了吗？' });
    expect(within(card).getByText(/已挂好周三上午的号/)).toBeTruthy();
    fireEvent.click(within(card).getByText('解决了'));
    expect(await screen.findByText('谢谢您的确认，这件事办完了')).toBeTruthy();
    expect(calls('confirm')).toEqual([{ id: 'c1', solved: true }]);
    expect(screen.queryByRole('region', { name: '问题解决了吗？' })).toBeNull();
    expect(within(screen.getByRole('list', { name: '进度' })).getByLabelText('已完成，已完成')).toBeTruthy();
  });

  it('asks the reason on 没解决, says so at the field when it is missing, and reopens with it', async () => {
    serve(resolved(), { confirm: () => detail({ status: 'in_progress', can: { ...noActions, reply: true } }) });
    render(<Consult />);
    fireEvent.click(await screen.findByText('没解决'));
    fireEvent.click(screen.getByText('告诉干部接着办'));
    expect(await screen.findByText(/请说说还有什么没解决/)).toBeTruthy();
    expect(calls('confirm')).toEqual([]);
    await typeInto('还有什么没解决', '号挂了，但是没人陪着去');
    fireEvent.click(screen.getByText('告诉干部接着办'));
    await waitFor(() => expect(calls('confirm')).toEqual([{ id: 'c1', solved: false, reason: '号挂了，但是没人陪着去' }]));
    expect(await screen.findByText('已告诉干部，会接着帮您办')).toBeTruthy();
  });

  it('shows the function’s NEED_REASON at the field too', async () => {
    serve(resolved(), {
      confirm: () => {
        throw new CloudError('CONSULT.NEED_REASON', '请说说还有什么没解决');
      },
    });
    render(<Consult />);
    fireEvent.click(await screen.findByText('没解决'));
    await typeInto('还有什么没解决', '   。');
    fireEvent.click(screen.getByText('告诉干部接着办'));
    const field = (await screen.findByRole('alert')).closest('.kit-field') as HTMLElement;
    expect(field.textContent).toContain('请说说还有什么没解决');
    // At the field, with what was typed kept.
    expect(within(field).getByLabelText<HTMLTextAreaElement>('还有什么没解决').value).toBe('   。');
  });

  it('puts the villager’s own messages on their side', async () => {
    serve(detail({ thread: [{ id: 'm1', at: inHours(-2), authorName: '王秀兰', fromHousehold: true, text: '周三上午可以吗' }] }));
    render(<Consult />);
    const thread = await screen.findByRole('list', { name: '沟通记录' });
    expect(within(thread).getByRole('listitem').className).toContain('is-own');
    expect(screen.queryByText('王秀兰 · 一组 1 号')).toBeNull();
  });
});

it('says so when the page is opened without a request', async () => {
  (Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } });
  render(<Consult />);
  await act(async () => undefined);
  expect(screen.getByText(/没有找到这条求助/)).toBeTruthy();
  expect(cloud).not.toHaveBeenCalled();
});
