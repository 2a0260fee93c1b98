/**
 * Accessibility props for a Taro element. WeChat reads `aria-role`/`aria-label` from the
 * `ariaRole`/`ariaLabel` props; Taro's H5 elements are custom elements that turn unknown
 * props into lower-cased attributes, so the browser needs the standard `role` and `aria-*`.
 */
export function a11y(role: string, label?: string, extra: Record<string, string | boolean> = {}): Record<string, string> {
  const props: Record<string, string> = { ariaRole: role };
  if (label !== undefined) props.ariaLabel = label;
  if (process.env.TARO_ENV === 'h5') {
    props.role = role;
    if (label !== undefined) props['aria-label'] = label;
    for (const [k, v] of Object.entries(extra)) props[`aria-${k}`] = String(v);
  }
  return props;
}
