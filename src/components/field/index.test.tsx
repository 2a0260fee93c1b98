import { render, screen } from '@testing-library/react';
import Field from './index';

describe('Field', () => {
  it('shows the length used before the limit is reached, and warns near it', () => {
    const { rerender, container } = render(<Field label="心愿内容" count={{ value: 10, max: 200 }} />);
    expect(screen.getByText('10/200 字')).toBeTruthy();
    expect(container.querySelector('.is-near')).toBeNull();
    rerender(<Field label="心愿内容" count={{ value: 180, max: 200 }} />);
    expect(container.querySelector('.is-near')?.textContent).toBe('180/200 字');
    rerender(<Field label="心愿内容" count={{ value: 200, max: 200 }} />);
    expect(screen.getByText('200/200 字（已满）')).toBeTruthy();
    rerender(<Field label="心愿内容" count={{ value: 203, max: 200 }} />);
    expect(screen.getByText('203/200 字（多了 3 字）')).toBeTruthy();
  });

  it('shows an error in place of the hint, as an alert', () => {
    const { rerender } = render(<Field label="心愿内容" hint="写清楚需要什么" error="至少写 5 个字" />);
    expect(screen.getByRole('alert').textContent).toContain('至少写 5 个字');
    expect(screen.queryByText('写清楚需要什么')).toBeNull();
    rerender(<Field label="心愿内容" hint="写清楚需要什么" error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('写清楚需要什么')).toBeTruthy();
  });
});
