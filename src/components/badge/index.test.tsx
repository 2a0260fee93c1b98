import { render, screen } from '@testing-library/react';
import Badge, { badgeText } from './index';

it('counts up to 99 and then says 99+', () => {
  expect(badgeText(1)).toBe('1');
  expect(badgeText(99)).toBe('99');
  expect(badgeText(100)).toBe('99+');
});

it('says the count in words and draws nothing at zero', () => {
  const { container, rerender } = render(<Badge count={3} />);
  expect(screen.getByLabelText('3 条未读').textContent).toBe('3');
  rerender(<Badge count={0} />);
  expect(container.textContent).toBe('');
});
