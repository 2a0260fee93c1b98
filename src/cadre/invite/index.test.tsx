import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { shared } from '../../../test/doubles/taro';
import type { RosterEntry } from '../../../types';
import { callCloud } from '../../services/cloud';
import Invite from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const entry = (over: Partial<RosterEntry>): RosterEntry => ({
  memberId: 'm1',
  name: '李春花',
  role: 'villager',
  villageName: '杏花村',
  detail: '三组 12 号',
  bound: false,
  householdId: 'h1',
  ...over,
});
const chunhua = entry({});
const jianguo = entry({ memberId: 'm2', name: '周建国', detail: '二组 3 号' });
const xiulan = entry({ memberId: 'm3', name: '王秀兰', bound: true });
const invite = (memberName: string) => ({ code: 'ABCD2345', expiresAt: '2026-12-04T02:00:00.000Z', memberName });

type Handler = (input: Record<string, unknown>) => unknown;
/** Scripts the functions the page calls; each action answers from its own queue, the roster from a fixed list. */
function functions(roster: RosterEntry[], actions: Record<string, Handler[]> = {}) {
  cloud.mockImplementation(async ({ name: fn }: { name: string }, action: string, input: Record<string, unknown>) => {
    if (fn === 'users' && action === 'roster') {
      const list = input.unboundOnly ? roster.filter((e) => !e.bound) : roster;
      return { items: list, nextCursor: null };
    }
    const next = actions[action]?.shift();
    if (!next) throw new Error(`unexpected ${fn}.${action}`);
    return next(input);
  });
}
const callsOf = (action: string) => cloud.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input as Record<string, unknown>);
const fail = (code: string, message: string) => () => {
  throw new CloudError(code, message);
};

/** Shows bound people too. */
async function showEveryone() {
  fireEvent.click(await screen.findByLabelText('全部'));
}

/** Taps a person's 发放邀请码 and says yes to the question that follows. */
async function issueTo(name: string) {
  fireEvent.click(await screen.findByLabelText(`给${name}发放邀请码`));
  fireEvent.click(await screen.findByText('发放'));
}

beforeEach(() => {
  cloud.mockReset();
});

describe('issuing invite codes', () => {
  it('issues a code for the person tapped, with a request id, and shows it', async () => {
    functions([chunhua], { issueInvite: [() => invite('李春花')] });
    render(<Invite />);
    await issueTo('李春花');
    expect(await screen.findByText('ABCD 2345')).toBeTruthy();
    expect(screen.getByText('给 李春花 的邀请码')).toBeTruthy();
    expect(callsOf('issueInvite')).toEqual([{ memberId: 'm1', requestId: expect.stringMatching(UUID_V4) }]);
  });

  it('sends one request when the cadre taps twice, or taps someone else, before the answer comes', async () => {
    let answer!: (v: unknown) => void;
    functions([chunhua, jianguo], { issueInvite: [() => new Promise((ok) => (answer = ok))] });
    render(<Invite />);
    await issueTo('李春花');
    expect(await screen.findByText('正在发放…')).toBeTruthy();
    fireEvent.click(screen.getByText('正在发放…'));
    fireEvent.click(screen.getByLabelText('给周建国发放邀请码'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf('issueInvite')).toHaveLength(1);
    await act(async () => answer(invite('李春花')));
    expect(await screen.findByText('给 李春花 的邀请码')).toBeTruthy();
  });

  it('retries a failed invite for the same person with the same request id, also after trying someone else, and a new person gets a new one', async () => {
    const timeout = fail('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
    functions([chunhua, jianguo], { issueInvite: [timeout, timeout, timeout, () => invite('李春花')] });
    render(<Invite />);
    await issueTo('李春花');
    expect(await screen.findByText(/服务器响应超时，请稍后再试/)).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(callsOf('issueInvite')).toHaveLength(2));
    await screen.findByText(/服务器响应超时，请稍后再试/);
    await issueTo('周建国');
    await waitFor(() => expect(callsOf('issueInvite')).toHaveLength(3));
    await screen.findByText(/服务器响应超时，请稍后再试/);
    await issueTo('李春花');
    expect(await screen.findByText('给 李春花 的邀请码')).toBeTruthy();

    const [first, retry, other, again] = callsOf('issueInvite');
    expect(first).toEqual({ memberId: 'm1', requestId: expect.stringMatching(UUID_V4) });
    expect(retry).toEqual(first);
    expect(other.memberId).toBe('m2');
    expect(other.requestId).not.toBe(first.requestId);
    // Back to the first person: any earlier try may have issued a code unseen, so the same id answers it.
    expect(again).toEqual(first);
  });

  it('draws a new request id for the next invite after one was issued', async () => {
    functions([chunhua], { issueInvite: [() => invite('李春花'), () => invite('李春花')] });
    render(<Invite />);
    await issueTo('李春花');
    fireEvent.click(await screen.findByText('返回花名册'));
    await issueTo('李春花');
    await screen.findByText('给 李春花 的邀请码');
    const [first, second] = callsOf('issueInvite');
    expect(second.requestId).not.toBe(first.requestId);
  });
});

describe('resetting a binding', () => {
  it('offers 解除绑定 only for people who are bound', async () => {
    functions([chunhua, xiulan]);
    render(<Invite />);
    await showEveryone();
    expect(await screen.findByText('王秀兰')).toBeTruthy();
    expect(screen.getAllByText('解除绑定')).toHaveLength(1);
    expect(screen.getByText('王秀兰').closest('.roster-entry')?.textContent).toContain('解除绑定');
    expect(screen.getByText('李春花').closest('.roster-entry')?.textContent).not.toContain('解除绑定');
  });

  it('asks before issuing, and issues nothing when the cadre cancels', async () => {
    functions([chunhua]);
    render(<Invite />);
    fireEvent.click(await screen.findByLabelText('给李春花发放邀请码'));
    expect((await screen.findByRole('dialog')).textContent).toContain('7 天内有效');
    fireEvent.click(screen.getByText('取消'));
    await act(async () => undefined);
    expect(callsOf('issueInvite')).toHaveLength(0);
  });

  it('asks first, explains that the person must bind again with a new code, then resets and reads the roster again', async () => {
    const roster = [chunhua, xiulan];
    functions(roster, {
      resetBinding: [
        () => {
          roster[1] = { ...xiulan, bound: false };
          return { memberName: '王秀兰' };
        },
      ],
    });
    render(<Invite />);
    await showEveryone();
    fireEvent.click(await screen.findByLabelText('解除王秀兰的绑定'));

    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('王秀兰');
    expect(dialog.textContent).toContain('新的邀请码重新绑定');
    fireEvent.click(within(dialog).getByText('解除绑定'));

    await waitFor(() => expect(callsOf('resetBinding')).toEqual([{ memberId: 'm3' }]));
    await waitFor(() => expect(screen.queryByText('解除绑定')).toBeNull());
    expect(callsOf('roster').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('王秀兰').closest('.roster-entry')?.textContent).toContain('发放邀请码');
    expect(screen.getByRole('alert').textContent).toContain('已解除绑定');
  });

  it('does nothing when the cadre cancels', async () => {
    functions([xiulan]);
    render(<Invite />);
    await showEveryone();
    fireEvent.click(await screen.findByText('解除绑定'));
    fireEvent.click(await screen.findByText('取消'));
    await act(async () => undefined);
    expect(callsOf('resetBinding')).toHaveLength(0);
  });

  it("shows the function's refusal in Chinese", async () => {
    functions([xiulan], { resetBinding: [fail('MEMBER.OUT_OF_SCOPE', '此人不在您负责的范围内')] });
    render(<Invite />);
    await showEveryone();
    fireEvent.click(await screen.findByText('解除绑定'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('解除绑定'));
    expect(await screen.findByText(/此人不在您负责的范围内/)).toBeTruthy();
  });
});

describe('sharing an issued code', () => {
  it('shows the 小程序码 and offers a share card that opens the bind page with the code', async () => {
    functions([chunhua], {
      issueInvite: [() => invite('李春花')],
      inviteQr: [() => ({ ...invite('李春花'), path: '/pages/bind/index?code=ABCD2345', image: 'data:image/png;base64,AAAA' })],
    });
    render(<Invite />);
    await issueTo('李春花');
    expect(await screen.findByLabelText('李春花的绑定二维码')).toBeTruthy();
    expect(callsOf('inviteQr')).toEqual([{ code: 'ABCD2345' }]);
    expect(shared.current?.()).toEqual({ title: expect.stringContaining('李春花'), path: '/pages/bind/index?code=ABCD2345' });
  });

  it('still shows the code when the 小程序码 cannot be made', async () => {
    functions([chunhua], {
      issueInvite: [() => invite('李春花')],
      inviteQr: [fail('INVITE.QR_UNAVAILABLE', '二维码暂时生成不了，请稍后再试，也可以把邀请码直接发给对方')],
    });
    render(<Invite />);
    await issueTo('李春花');
    expect(await screen.findByText(/二维码暂时生成不了/)).toBeTruthy();
    expect(screen.getByText('ABCD 2345')).toBeTruthy();
  });
});

describe('searching the roster', () => {
  it('asks the roster for names starting with what was typed, once typing pauses', async () => {
    functions([chunhua]);
    const { container } = render(<Invite />);
    await screen.findByText('李春花');
    const input = await waitFor(() => {
      const el = container.querySelector('input');
      if (!el) throw new Error('input not ready');
      return el;
    });
    fireEvent.input(input, { target: { value: ' 李 ' } });
    await waitFor(() => expect(callsOf('roster').at(-1)).toEqual({ unboundOnly: true, name: '李' }));
    expect(callsOf('roster').filter((c) => c.name !== undefined)).toHaveLength(1);
  });
});
