import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export type ToastKind = 'success' | 'error' | 'info';

export interface DialogOptions {
  title: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
  /** The confirm button is the danger kind: the action cannot be undone. */
  danger?: boolean;
  /** Runs inside the confirming tap itself, for what WeChat allows only from a tap (subscription requests). */
  onConfirmTap?: () => void;
}

export interface OverlayState {
  toast: { text: string; kind: ToastKind } | null;
  dialog: (DialogOptions & { answer: (yes: boolean) => void }) | null;
}

export interface Overlay {
  state: OverlayState;
  /** Shows a short message over the page; resolves when it has been shown long enough to read. */
  toast(text: string, kind?: ToastKind): Promise<void>;
  /** Asks before doing something; resolves true for the confirm button, false for cancel. */
  confirm(options: DialogOptions): Promise<boolean>;
}

/** Long enough for a slow reader to read a short sentence (WeChat's own toast: 1.5 s). */
export const TOAST_MS = 2000;

/**
 * A page's own toast and dialog, drawn by its PageShell in the page's text size (WeChat's
 * showToast and showModal keep their small system font whatever the page's size).
 */
export function useOverlay(): Overlay {
  const [toastState, setToast] = useState<OverlayState['toast']>(null);
  const [dialog, setDialog] = useState<OverlayState['dialog']>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const toast = useCallback(
    (text: string, kind: ToastKind = 'info') =>
      new Promise<void>((resolve) => {
        clearTimeout(timer.current);
        setToast({ text, kind });
        timer.current = setTimeout(() => {
          setToast(null);
          resolve();
        }, TOAST_MS);
      }),
    [],
  );

  const confirm = useCallback(
    (options: DialogOptions) =>
      new Promise<boolean>((resolve) => {
        setDialog({
          ...options,
          answer: (yes) => {
            setDialog(null);
            resolve(yes);
          },
        });
      }),
    [],
  );

  return useMemo(() => ({ state: { toast: toastState, dialog }, toast, confirm }), [toastState, dialog, toast, confirm]);
}
