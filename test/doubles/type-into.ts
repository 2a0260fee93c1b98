import { fireEvent, screen, waitFor } from '@testing-library/react';

/** Types into the text area labelled `label`: Taro's H5 textarea is a custom element whose inner <textarea> appears a moment after render. */
export async function typeInto(label: string, text: string): Promise<void> {
  const host = await screen.findByLabelText(label);
  const area = await waitFor(() => {
    const el = host.querySelector('textarea') ?? (host.tagName === 'TEXTAREA' ? host : null);
    if (!el) throw new Error('textarea not ready');
    return el;
  });
  fireEvent.input(area, { target: { value: text } });
}
