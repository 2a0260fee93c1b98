import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { boardContract, boardRules, type BoardPost } from '../../types/board';
import { fieldLabel } from '../components/a11y';
import BigButton from '../components/big-button';
import Field from '../components/field';
import FormError from '../components/form-error';
import type { Overlay } from '../components/overlay/use-overlay';
import { useDraft } from '../hooks/use-draft';
import { useSubmission } from '../hooks/use-submission';
import { callCloud, errorText } from '../services/cloud';
import { fieldProblem } from '../services/field-problems';

interface Props {
  post: BoardPost;
  overlay: Overlay;
  onReplied: (post: BoardPost) => void;
  onClose: () => void;
}

/** Whether the caller's newest reply waits on a cadre: the one `after` has that `before` had not. */
function heldReply(before: BoardPost, after: BoardPost): boolean {
  const old = new Set(before.replies.map((r) => r.id));
  return after.replies.some((r) => !old.has(r.id) && r.mine && r.status === 'held');
}

/** The reply box under a post, opened by its 回复 button; what is typed is kept until it is sent. */
export default function ReplyBox({ post, overlay, onReplied, onClose }: Props) {
  const draft = useDraft<{ text: string }>(`board-reply:${post.id}`, { text: '' });
  const { text } = draft.values;
  const submission = useSubmission(`board-reply:${post.id}`);
  const [textError, setTextError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const problem = (value: string) => fieldProblem(boardContract.actions.reply.input, { postId: post.id, text: value }, 'text');

  const send = async () => {
    const found = problem(text);
    setTextError(found);
    if (found) return;
    setFormError(null);
    const words = text.trim();
    try {
      const done = await submission.submit(words, (requestId) =>
        callCloud(boardContract, 'reply', { postId: post.id, text: words, requestId }),
      );
      if (!done.sent) return;
      draft.clear();
      onReplied(done.value);
      void overlay.toast(heldReply(post, done.value) ? '已提交，审核通过后大家才能看到' : '回复已发出', 'success');
    } catch (e) {
      setFormError(errorText(e));
    }
  };

  return (
    <View className="board-reply-box">
      <Field label={`回复 ${post.authorName}`} error={textError} count={{ value: text.trim().length, max: boardRules.maxText }}>
        <Textarea
          className="field board-reply-input"
          {...fieldLabel('回复内容')}
          placeholder="写下您的回复"
          value={text}
          maxlength={-1}
          onInput={(e) => {
            draft.set({ text: e.detail.value });
            if (textError) setTextError(problem(e.detail.value));
            setFormError(null);
          }}
        />
      </Field>
      <FormError text={formError} />
      <View className="board-buttons">
        <BigButton kind="secondary" className="board-action" onTap={onClose}>
          收起
        </BigButton>
        <BigButton className="board-action" busy={submission.pending !== null} busyText="正在发送…" onTap={() => void send()}>
          发送回复
        </BigButton>
      </View>
    </View>
  );
}
