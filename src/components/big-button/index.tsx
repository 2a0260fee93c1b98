import { Button } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { a11y } from '../a11y';

export type ButtonKind = 'primary' | 'secondary' | 'danger';

interface Props {
  kind?: ButtonKind;
  /** A request is in flight: the button shows `busyText`, turns grey and ignores taps. */
  busy?: boolean;
  busyText?: string;
  disabled?: boolean;
  /** What a screen reader says when the words on the button are not enough. */
  label?: string;
  className?: string;
  /** WeChat's built-in button behaviours, e.g. 'share' opens the share sheet (onShareAppMessage). */
  openType?: 'share';
  onTap: () => void;
}

/**
 * The kit's button: primary (solid red), secondary (white, dark label) and danger (red outline).
 * Taps while busy or disabled do nothing here, since Taro's H5 button still fires its click
 * when disabled.
 */
export default function BigButton({
  kind = 'primary',
  busy = false,
  busyText = '请稍候…',
  disabled = false,
  label,
  className = '',
  openType,
  onTap,
  children,
}: PropsWithChildren<Props>) {
  const blocked = busy || disabled;
  const classes = ['big-button', kind, busy ? 'is-busy' : '', disabled ? 'is-disabled' : '', className].filter(Boolean).join(' ');
  return (
    <Button
      className={classes}
      disabled={blocked}
      openType={openType}
      {...a11y('button', label, blocked ? { disabled: true } : {})}
      onClick={() => {
        if (!blocked) onTap();
      }}
    >
      {busy ? busyText : children}
    </Button>
  );
}
