import { View } from '@tarojs/components';
import { useState } from 'react';
import { boardContract, type BoardPost, type BoardStatus } from '../../types/board';
import BigButton from '../components/big-button';
import FormError from '../components/form-error';
import type { Overlay } from '../components/overlay/use-overlay';
import { useSubmission } from '../hooks/use-submission';
import { callCloud, errorText } from '../services/cloud';
import { moderationChoices, type ModerationAction } from './marks';

interface Props {
  postId: string;
  /** A reply of the post; without it the buttons act on the post. */
  replyId?: string;
  status: BoardStatus;
  /** The post's pin, offered on a visible post only. */
  pinned?: boolean;
  overlay: Overlay;
  /** The post as it is now; null once deleted. */
  onChanged: (post: BoardPost | null) => void;
}

const doneWords: Record<ModerationAction, string> = { hide: '已隐藏', restore: '已恢复，大家都能看到了', delete: '已删除' };

/** A cadre's buttons for one post or reply: approve or restore, hide, delete (asked first), pin. */
export default function Moderation({ postId, replyId, status, pinned, overlay, onChanged }: Props) {
  const submission = useSubmission();
  const [error, setError] = useState<string | null>(null);
  const what = replyId === undefined ? '留言' : '回复';
  const busy = submission.pending;

  const run = async <R,>(key: string, send: () => Promise<R>, after: (value: R) => BoardPost | null, words: string) => {
    setError(null);
    try {
      const done = await submission.submit(key, send);
      if (!done.sent) return;
      onChanged(after(done.value));
      void overlay.toast(words, 'success');
    } catch (e) {
      setError(errorText(e));
    }
  };

  const moderate = async (action: ModerationAction) => {
    if (
      action === 'delete' &&
      !(await overlay.confirm({
        title: `删除这条${what}？`,
        content: `删除后所有人都看不到这条${what}，也不能恢复。`,
        confirmText: '删除',
        danger: true,
      }))
    )
      return;
    await run(
      action,
      () => callCloud(boardContract, 'moderate', { postId, action, ...(replyId === undefined ? {} : { replyId }) }),
      // Deleting a reply leaves the post; deleting the post leaves nothing.
      (answer) => answer.post,
      doneWords[action],
    );
  };

  const pin = () =>
    run(
      'pin',
      () => callCloud(boardContract, 'pin', { postId, pinned: !pinned }),
      (post) => post,
      pinned ? '已取消置顶' : '已置顶，排在最前面',
    );

  return (
    <View className="board-moderation">
      <FormError text={error} />
      <View className="board-buttons">
        {moderationChoices(status).map(({ action, label }) => (
          <BigButton
            key={action}
            kind={action === 'delete' ? 'danger' : 'secondary'}
            className="board-action"
            label={`${label}这条${what}`}
            busy={busy === action}
            busyText="请稍候…"
            onTap={() => void moderate(action)}
          >
            {label}
          </BigButton>
        ))}
        {pinned !== undefined && status === 'visible' && (
          <BigButton kind="secondary" className="board-action" busy={busy === 'pin'} busyText="请稍候…" onTap={() => void pin()}>
            {pinned ? '取消置顶' : '置顶'}
          </BigButton>
        )}
      </View>
    </View>
  );
}
