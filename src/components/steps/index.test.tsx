import { render, screen } from '@testing-library/react';
import Steps from './index';

const stages = ['提交', '审核', '认领', '完成'];

it('marks done stages ✓ and names the current one in words', () => {
  render(<Steps steps={stages} current={2} />);
  expect(screen.getByLabelText('提交，已完成').textContent).toContain('✓');
  expect(screen.getByLabelText('审核，已完成')).toBeTruthy();
  expect(screen.getByLabelText('认领，当前').textContent).toContain('3');
  expect(screen.getByLabelText('完成，未开始')).toBeTruthy();
});

it('shows a failed stage with ✕ and its own word', () => {
  render(<Steps steps={stages} current={1} failed="未通过" />);
  const failed = screen.getByLabelText('未通过');
  expect(failed.textContent).toContain('✕');
  expect(screen.queryByText('审核')).toBeNull();
});
