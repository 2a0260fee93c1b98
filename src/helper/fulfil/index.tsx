import { Textarea, View } from '@tarojs/components';
import FormError from '../../components/form-error';
import { fieldLabel } from '../../components/a11y';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { routes, wishesContract, wishLink, wishRules } from '../../../types';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import ImageUploader from '../../components/image-uploader';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { usePhotoUpload } from '../../hooks/use-photo-upload';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import './index.scss';

/** The longest delivery note the contract takes. */
export const NOTE_MAX = 200;

const wishId = (): string => Taro.getCurrentInstance?.()?.router?.params?.id ?? '';

/** 送达: the claimer says the wish was delivered, with a note and optional photos as proof. */
export default function Fulfil() {
  const [id] = useState(wishId);
  const wish = useLoad(() => callCloud(wishesContract, 'get', { id }));
  // The photos are kept as local paths: an upload is only worth its cost once the form is sent.
  const draft = useDraft<{ note: string; photos: string[] }>(`fulfil:${id}`, { note: '', photos: [] });
  const { note, photos } = draft.values;
  const [errors, setErrors] = useState<{ note?: string; form?: string }>({});
  const [sent, setSent] = useState(false);
  const submission = useSubmission();
  const upload = usePhotoUpload();
  const overlay = useOverlay();

  const check = (value: string) => {
    const r = wishesContract.actions.fulfil.input.safeParse({ id, note: value });
    return r.success ? undefined : r.error.issues.find((i) => i.path[0] === 'note')?.message;
  };
  const setNote = (value: string) => {
    draft.set({ note: value });
    if (errors.note) setErrors((e) => ({ ...e, note: check(value) }));
  };

  const submit = async () => {
    if (sent) return;
    const problem = check(note);
    if (problem) return setErrors({ note: problem });
    setErrors({});
    try {
      const done = await submission.submit(id, async () => {
        const ids = photos.length > 0 ? await upload(photos) : [];
        return callCloud(wishesContract, 'fulfil', { id, note: note.trim(), ...(ids.length > 0 ? { photos: ids } : {}) });
      });
      if (!done.sent) return;
      setSent(true);
      draft.clear();
      await overlay.toast('已送达，等村民确认收到', 'success');
      void Taro.redirectTo({ url: wishLink(routes.wish, id) });
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  if (!id)
    return (
      <PageShell className="fulfil">
        <StateView loading={false} error="没有找到这个心愿，请从“我认领的”重新打开" />
      </PageShell>
    );
  const busy = submission.pending !== null || sent;
  return (
    <PageShell className="fulfil" overlay={overlay}>
      {wish.data && <View className="card fulfil-wish">{wish.data.summary}</View>}
      {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
      <Field
        label="送达说明"
        error={errors.note}
        hint="写清楚送了什么、什么时候、交给了谁"
        count={{ value: note.trim().length, max: NOTE_MAX }}
      >
        <Textarea
          className="field fulfil-note"
          {...fieldLabel('送达说明')}
          placeholder="例如：12月3日把书包送到家里，交给了孩子奶奶"
          value={note}
          maxlength={-1}
          onInput={(e) => setNote(e.detail.value)}
        />
      </Field>
      <Field label="送达照片（可不拍）" hint={`最多 ${wishRules.maxPhotos} 张，拍下送到的东西即可，不要拍到人脸和门牌`}>
        <ImageUploader
          value={photos}
          max={wishRules.maxPhotos}
          onChange={(paths) => draft.set({ photos: paths })}
          onError={(message) => void overlay.toast(message, 'error')}
        />
      </Field>
      <FormError text={errors.form} />
      <BigButton
        className="submit"
        busy={busy}
        busyText={sent ? '已提交' : photos.length > 0 ? '正在上传照片并提交…' : '正在提交…'}
        onTap={() => void submit()}
      >
        确认已送达
      </BigButton>
    </PageShell>
  );
}
