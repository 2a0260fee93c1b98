/**
 * Accessibility props for a Taro element. WeChat reads `aria-role`/`aria-label` from the
 * `ariaRole`/`ariaLabel` props; Taro's H5 elements are custom elements that turn unknown
 * props into lower-cased attributes, so the browser needs the standard `role` and `aria-*`
 * instead. Only those: an `aria-role` attribute in the browser is not ARIA, and axe-core
 * counts it a critical fault (aria-valid-attr) on every element that carries it.
 */
/** Roles a person acts on: in the browser they must also take keyboard focus, as native controls do. */
const actionable = new Set(['button', 'tab', 'radio', 'checkbox', 'switch', 'link']);

export function a11y(role: string, label?: string, extra: Record<string, string | boolean> = {}): Record<string, string> {
  if (process.env.TARO_ENV === 'h5') {
    const props: Record<string, string> = { role };
    if (actionable.has(role)) props.tabIndex = '0';
    if (label !== undefined) props['aria-label'] = label;
    for (const [k, v] of Object.entries(extra)) props[`aria-${k}`] = String(v);
    return props;
  }
  const props: Record<string, string> = { ariaRole: role };
  if (label !== undefined) props.ariaLabel = label;
  return props;
}

/**
 * Hides a decoration from screen readers when the control around it already says it in its
 * label (a count on a tab or a grid item), which would otherwise be read twice.
 */
export function a11yHidden(): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { 'aria-hidden': 'true' } : { ariaHidden: 'true' };
}

/**
 * Names a text field for screen readers. Taro's H5 Input and Textarea are custom elements around a
 * native <input>/<textarea>; only `nativeProps` reach that inner element, which is what a reader
 * (and axe) looks at. WeChat reads `ariaLabel`.
 */
export function fieldLabel(label: string): { ariaLabel?: string; nativeProps?: Record<string, string> } {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label } } : { ariaLabel: label };
}
