import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RosterEntry } from '../../../types';
import { callCloud } from '../../services/cloud';
import Invite from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const showModal = Taro.showModal as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const entry = (over: Partial<RosterEntry>): RosterEntry => ({
  memberId: 'm1',
  name: '李春花',
  role: 'villager',
  villageName: '杏花村',
  detail: '三组 12 号',
  bound: false,
  ...over,
});
const chunhua = entry({});
const jianguo = entry({ memberId: 'm2', name: '周建国', detail: '二组 3 号' });
const xiulan = entry({ memberId: 'm3', name: '王秀兰', bound: true });
const invite = (memberName: string) => ({ code: 'ABCD2345', expiresAt: '2026-12-04T02:00:00.000Z', memberName });

type Handler = (input: Record<string, unknown>) => unknown;
/** Scripts the functions the page calls; each action answers from its own queue, the roster from a fixed list. */
function functions(roster: RosterEntry[], actions: Record<string, Handler[]> = {}) {
  cloud.mockImplementation(async (fn: string, action: string, input: Record<string, unknown>) => {
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

/** Shows bound people too: Taro's H5 switch is a custom element whose inner checkbox appears a moment late. */
async function showEveryone(container: HTMLElement) {
  const box = await waitFor(() => {
    const el = container.querySelector('input[type="checkbox"]');
    if (!el) throw new Error('switch not ready');
    return el;
  });
  // The switch reports its change a moment later, and the roster is read again: let both happen inside act.
  await act(async () => {
    fireEvent.click(box);
    await new Promise((settle) => setTimeout(settle, 50));
  });
}

beforeEach(() => {
  cloud.mockReset();
  showModal.mockClear();
  (Taro.showToast as jest.Mock).mockClear();
});

describe('issuing invite codes', () => {
  it('issues a code for the person tapped, with a request id, and shows it', async () => {
    functions([chunhua], { issueInvite: [() => invite('李春花')] });
    render(<Invite />);
    fireEvent.click(await screen.findByText('李春花'));
    expect(await screen.findByText('ABCD 2345')).toBeTruthy();
    expect(screen.getByText('给 李春花 的邀请码')).toBeTruthy();
    expect(callsOf('issueInvite')).toEqual([{ memberId: 'm1', requestId: expect.stringMatching(UUID_V4) }]);
  });

  it('sends one request when the cadre taps twice, or taps someone else, before the answer comes', async () => {
    let answer!: (v: unknown) => void;
    functions([chunhua, jianguo], { issueInvite: [() => new Promise((ok) => (answer = ok))] });
    render(<Invite />);
    fireEvent.click(await screen.findByText('李春花'));
    expect(await screen.findByText('正在发放…')).toBeTruthy();
    fireEvent.click(screen.getByText('李春花'));
    fireEvent.click(screen.getByText('周建国'));
    expect(callsOf('issueInvite')).toHaveLength(1);
    await act(async () => answer(invite('李春花')));
    expect(await screen.findByText('给 李春花 的邀请码')).toBeTruthy();
  });

  it('retries a failed invite for the same person with the same request id, also after trying someone else, and a new person gets a new one', async () => {
    const timeout = fail('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
    functions([chunhua, jianguo], { issueInvite: [timeout, timeout, timeout, () => invite('李春花')] });
    render(<Invite />);
    fireEvent.click(await screen.findByText('李春花'));
    expect(await screen.findByText('服务器响应超时，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(callsOf('issueInvite')).toHaveLength(2));
    await screen.findByText('服务器响应超时，请稍后再试');
    fireEvent.click(screen.getByText('周建国'));
    await waitFor(() => expect(callsOf('issueInvite')).toHaveLength(3));
    await screen.findByText('服务器响应超时，请稍后再试');
    fireEvent.click(screen.getByText('李春花'));
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
    fireEvent.click(await screen.findByText('李春花'));
    fireEvent.click(await screen.findByText('返回花名册'));
    fireEvent.click(await screen.findByText('李春花'));
    await screen.findByText('给 李春花 的邀请码');
    const [first, second] = callsOf('issueInvite');
    expect(second.requestId).not.toBe(first.requestId);
  });
});

describe('resetting a binding', () => {
  it('offers 解除绑定 only for people who are bound', async () => {
    functions([chunhua, xiulan]);
    const { container } = render(<Invite />);
    await showEveryone(container);
    expect(await screen.findByText('王秀兰')).toBeTruthy();
    expect(screen.getAllByText('解除绑定')).toHaveLength(1);
    expect(screen.getByText('王秀兰').closest('.roster-entry')?.textContent).toContain('解除绑定');
    expect(screen.getByText('李春花').closest('.roster-entry')?.textContent).not.toContain('解除绑定');
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
    const { container } = render(<Invite />);
    await showEveryone(container);
    fireEvent.click(await screen.findByText('解除绑定'));

    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    const dialog = showModal.mock.calls[0][0] as { title: string; content: string };
    expect(dialog.title).toBe('解除绑定');
    expect(dialog.content).toContain('王秀兰');
    expect(dialog.content).toContain('新的邀请码重新绑定');

    await waitFor(() => expect(callsOf('resetBinding')).toEqual([{ memberId: 'm3' }]));
    await waitFor(() => expect(screen.queryByText('解除绑定')).toBeNull());
    expect(callsOf('roster').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('王秀兰').closest('.roster-entry')?.textContent).toContain('点此发放邀请码');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已解除绑定' }));
  });

  it('does nothing when the cadre cancels', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    functions([xiulan]);
    const { container } = render(<Invite />);
    await showEveryone(container);
    fireEvent.click(await screen.findByText('解除绑定'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    await act(async () => undefined);
    expect(callsOf('resetBinding')).toHaveLength(0);
  });

  it("shows the function's refusal in Chinese", async () => {
    functions([xiulan], { resetBinding: [fail('MEMBER.OUT_OF_SCOPE', '此人不在您负责的范围内')] });
    const { container } = render(<Invite />);
    await showEveryone(container);
    fireEvent.click(await screen.findByText('解除绑定'));
    expect(await screen.findByText('此人不在您负责的范围内')).toBeTruthy();
  });
});
