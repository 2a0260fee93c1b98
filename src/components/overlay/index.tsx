import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import BigButton from '../big-button';
import type { OverlayState } from './use-overlay';
import './index.scss';

const toastMarks = { success: '✓', error: '！', info: '' } as const;

/** Draws a page's toast and dialog; PageShell puts it inside the page so it takes the text size. */
export default function OverlayLayer({ state }: { state: OverlayState }) {
  const { toast, dialog } = state;
  return (
    <>
      {toast && (
        <View className={`toast is-${toast.kind}`} {...a11y('alert')}>
          {toastMarks[toast.kind] && <Text className="toast-mark">{toastMarks[toast.kind]}</Text>}
          <Text>{toast.text}</Text>
        </View>
      )}
      {dialog && (
        <View className="dialog-mask">
          <View className="dialog" {...a11y('dialog', dialog.title, { modal: true })}>
            <View className="dialog-title">{dialog.title}</View>
            {dialog.content && <View className="dialog-content">{dialog.content}</View>}
            <View className="dialog-actions">
              <BigButton kind="secondary" onTap={() => dialog.answer(false)}>
                {dialog.cancelText ?? '取消'}
              </BigButton>
              <BigButton
                kind={dialog.danger ? 'danger' : 'primary'}
                onTap={() => {
                  dialog.onConfirmTap?.();
                  dialog.answer(true);
                }}
              >
                {dialog.confirmText ?? '确定'}
              </BigButton>
            </View>
          </View>
        </View>
      )}
    </>
  );
}
