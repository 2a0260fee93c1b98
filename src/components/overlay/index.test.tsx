import { act, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import PageShell from '../page-shell';
import { TOAST_MS, useOverlay, type Overlay } from './use-overlay';

const held: { current: Overlay | null } = { current: null };
function Page() {
  const mine = useOverlay();
  useEffect(() => {
    held.current = mine;
  });
  return <PageShell overlay={mine}>内容</PageShell>;
}
const overlay = {
  toast: (...a: Parameters<Overlay['toast']>) => held.current!.toast(...a),
  confirm: (o: Parameters<Overlay['confirm']>[0]) => held.current!.confirm(o),
};

afterEach(() => jest.useRealTimers());

it('shows a toast inside the page (so in its text size) until it has been read', async () => {
  jest.useFakeTimers();
  render(<Page />);
  let done = false;
  act(() => void overlay.toast('心愿已提交', 'success').then(() => (done = true)));
  expect(screen.getByRole('alert').textContent).toContain('心愿已提交');
  expect(screen.getByRole('alert').closest('.page')).toBeTruthy();
  await act(async () => jest.advanceTimersByTime(TOAST_MS - 1));
  expect(done).toBe(false);
  await act(async () => jest.advanceTimersByTime(1));
  expect(done).toBe(true);
  expect(screen.queryByRole('alert')).toBeNull();
});

it('asks and answers true for confirm, false for cancel', async () => {
  render(<Page />);
  let answer: Promise<boolean> = Promise.resolve(false);
  act(() => void (answer = overlay.confirm({ title: '发放邀请码？', content: '给王秀兰发放', confirmText: '发放' })));
  expect(screen.getByRole('dialog').textContent).toContain('给王秀兰发放');
  fireEvent.click(screen.getByText('发放'));
  await expect(answer).resolves.toBe(true);
  expect(screen.queryByRole('dialog')).toBeNull();

  act(() => void (answer = overlay.confirm({ title: '解除绑定？', danger: true })));
  fireEvent.click(screen.getByText('取消'));
  await expect(answer).resolves.toBe(false);
});
