import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { boardContract, boardRules, boardTextSchema, type BoardPost } from '../../types/board';
import { fieldLabel } from '../components/a11y';
import BigButton from '../components/big-button';
import Field from '../components/field';
import FormError from '../components/form-error';
import ImageUploader from '../components/image-uploader';
import NoticeBar from '../components/notice-bar';
import type { Overlay } from '../components/overlay/use-overlay';
import VoiceButton from '../components/voice-button';
import { useDraft } from '../hooks/use-draft';
import { usePhotoUpload } from '../hooks/use-photo-upload';
import { useSubmission } from '../hooks/use-submission';
import { callCloud, errorText } from '../services/cloud';
import { fieldProblem } from '../services/field-problems';

const textProblem = (text: string) => fieldProblem(boardContract.actions.post.input, { text }, 'text');

/** What the author is told once a post is sent: a held one waits for a cadre before others see it. */
export const sentWords = (post: BoardPost): string => (post.status === 'held' ? '已提交，审核通过后大家才能看到' : '留言已发布');

interface Props {
  overlay: Overlay;
  onPosted: (post: BoardPost) => void;
}

/**
 * Writing a post: text (by voice too) and photos, kept on the phone until sent. A refusal (too many
 * posts, words the check refused) is said above the button and the text stays to be changed.
 */
export default function Composer({ overlay, onPosted }: Props) {
  // Photos are local paths until the post is sent, as on the wish form.
  const draft = useDraft<{ text: string; photos: string[] }>('board-post', { text: '', photos: [] });
  const { text, photos } = draft.values;
  const submission = useSubmission('board-post');
  const upload = usePhotoUpload();
  const [textError, setTextError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  const setText = (value: string) => {
    draft.set({ text: value });
    if (textError) setTextError(textProblem(value));
    setFormError(null);
  };

  const send = async () => {
    const parsed = boardTextSchema.safeParse(text);
    if (!parsed.success) return setTextError(textProblem(text));
    setTextError(undefined);
    setFormError(null);
    try {
      // The same words and photos are the same post: a retry after a lost answer cannot post twice.
      const done = await submission.submit([parsed.data, ...photos].join('\n'), async (requestId) => {
        const ids = photos.length > 0 ? await upload(photos) : [];
        return callCloud(boardContract, 'post', { text: parsed.data, ...(ids.length > 0 ? { photos: ids } : {}), requestId });
      });
      if (!done.sent) return;
      draft.clear();
      onPosted(done.value);
      void overlay.toast(sentWords(done.value), 'success');
    } catch (e) {
      setFormError(errorText(e));
    }
  };

  const busy = submission.pending !== null;
  return (
    <View className="card board-composer">
      {draft.restored && <NoticeBar>已填好您上次没有发出的内容，可以接着写。</NoticeBar>}
      <Field
        label="写留言"
        error={textError}
        count={{ value: text.trim().length, max: boardRules.maxText }}
        extra={<VoiceButton field="留言内容" onText={(said) => setText(text + said)} />}
      >
        <Textarea
          className="field board-text-input"
          {...fieldLabel('留言内容')}
          placeholder="例如：村口的路灯坏了，晚上走路看不见"
          value={text}
          // Never cut off: the counter and the check say when it is too long.
          maxlength={-1}
          onInput={(e) => setText(e.detail.value)}
        />
      </Field>
      <Field label="照片（可不拍）" hint={`最多 ${boardRules.maxPhotos} 张`}>
        <ImageUploader
          value={photos}
          max={boardRules.maxPhotos}
          onChange={(paths) => draft.set({ photos: paths })}
          onError={(message) => void overlay.toast(message, 'error')}
        />
      </Field>
      <View className="muted board-privacy">请勿发布电话、身份证号等个人信息，号码会自动隐藏</View>
      <FormError text={formError} />
      <BigButton busy={busy} busyText={photos.length > 0 ? '正在上传照片并发布…' : '正在发布…'} onTap={() => void send()}>
        发布留言
      </BigButton>
    </View>
  );
}
