import { fireEvent, render, screen } from '@testing-library/react';
import Chips from './index';

const options = [
  { value: 'a', label: '生活用品' },
  { value: 'b', label: '学习用品' },
] as const;

it('marks the chosen chip with a ✓ and aria-checked, not colour alone', () => {
  const onChange = jest.fn();
  render(<Chips label="心愿类别" options={options} value="b" onChange={onChange} />);
  const chosen = screen.getByLabelText('学习用品');
  expect(chosen.getAttribute('aria-checked')).toBe('true');
  expect(chosen.textContent).toContain('✓');
  expect(screen.getByLabelText('生活用品').textContent).not.toContain('✓');
  expect(screen.getByLabelText('生活用品').getAttribute('aria-checked')).toBe('false');
  fireEvent.click(screen.getByLabelText('生活用品'));
  expect(onChange).toHaveBeenCalledWith('a');
});
