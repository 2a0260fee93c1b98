import { act, render } from '@testing-library/react';
import { setTextSize } from '../../services/text-size';
import PageShell from './index';

it('puts the chosen text size on the page root and follows a change at once', () => {
  setTextSize('standard');
  const { container } = render(<PageShell>内容</PageShell>);
  const root = () => container.firstElementChild as HTMLElement;
  expect(root().className).toContain('text-standard');
  act(() => setTextSize('large'));
  expect(root().className).toContain('text-large');
  expect(root().className).not.toContain('text-standard');
});
