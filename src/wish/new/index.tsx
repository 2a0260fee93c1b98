import { Input, Textarea, View } from '@tarojs/components';
import FormError from '../../components/form-error';
import { askToBeNotified } from '../../services/subscribe';
import { fieldLabel } from '../../components/a11y';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  routes,
  WISH_TEXT_MAX,
  wishCategoryLabels,
  wishCategorySchema,
  wishesContract,
  wishRules,
  wishTextSchema,
  wishValueSchema,
  type WishCategory,
} from '../../../types';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import ImageUploader from '../../components/image-uploader';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import VoiceButton from '../../components/voice-button';
import { useLoad } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { usePhotoUpload } from '../../hooks/use-photo-upload';
import { useSubmission } from '../../hooks/use-submission';
import { CloudError, callCloud, errorText } from '../../services/cloud';
import { go } from '../../services/navigate';
import './index.scss';

const categories = (Object.entries(wishCategoryLabels) as [WishCategory, string][]).map(([value, label]) => ({ value, label }));

interface Errors {
  category?: string;
  text?: string;
  value?: string;
  /** The function's answer or a failure to reach it. */
  form?: string;
}

/** The first message of a field's schema, or undefined when the value is fine. */
const problem = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? undefined : (r.error?.issues[0]?.message ?? '请检查填写的内容');
};

/** The value as typed: blank is "not given"; anything else must pass wishValueSchema. */
const valueOf = (typed: string): number | undefined => (typed.trim() === '' ? undefined : Number(typed.trim()));
const valueProblem = (typed: string) => {
  const v = valueOf(typed);
  return v === undefined ? undefined : problem(wishValueSchema, v);
};

export default function WishNew() {
  // Photos are kept as local paths: they are uploaded only when the wish is sent.
  const draft = useDraft<{ category: WishCategory | null; text: string; value: string; photos: string[] }>('wish-new', {
    category: null,
    text: '',
    value: '',
    photos: [],
  });
  const { category, text, value, photos } = draft.values;
  const upload = usePhotoUpload();
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState(false);
  const submission = useSubmission('wish-new');
  const quota = useLoad(() => callCloud(wishesContract, 'quota', {}));
  const overlay = useOverlay();
  const busy = submission.pending !== null || sent;
  const full = quota.data !== null && quota.data.open >= quota.data.max;

  // A field's error goes as soon as the field is fixed, not at the next tap on 提交.
  const setText = (value: string) => {
    draft.set({ text: value });
    if (errors.text) setErrors((e) => ({ ...e, text: problem(wishTextSchema, value) }));
  };
  const setCategory = (chosen: WishCategory) => {
    draft.set({ category: chosen });
    setErrors((e) => ({ ...e, category: undefined }));
  };
  const setValue = (typed: string) => {
    draft.set({ value: typed });
    if (errors.value) setErrors((e) => ({ ...e, value: valueProblem(typed) }));
  };

  const askedToNotify = useRef(false);

  const submit = async () => {
    if (sent) return;
    // The same schema the cloud function checks, so the villager hears about every mistake before sending.
    const parsed = wishesContract.actions.submit.input.safeParse({ category, text, value: valueOf(value) });
    if (!parsed.success) {
      return setErrors({
        category: problem(wishCategorySchema, category),
        text: problem(wishTextSchema, text),
        value: valueProblem(value),
      });
    }
    // First thing after the checks, still inside the tap: WeChat asks only then. The review's outcome
    // can then reach WeChat too, not only the inbox. Once per visit, not again on every retry.
    if (!askedToNotify.current) {
      askedToNotify.current = true;
      askToBeNotified();
    }
    setErrors({});
    const { category: chosen, text: wish, value: yuan } = parsed.data;
    try {
      // The same content is the same wish, so a retry after a lost answer, even after a restart, cannot create a second one.
      const content = [chosen, wish, yuan ?? '', ...photos].join('\n');
      const done = await submission.submit(content, async (requestId) => {
        const ids = photos.length > 0 ? await upload(photos) : [];
        return callCloud(wishesContract, 'submit', {
          category: chosen,
          text: wish,
          ...(yuan !== undefined ? { value: yuan } : {}),
          ...(ids.length > 0 ? { photos: ids } : {}),
          requestId,
        });
      });
      if (!done.sent) return;
      // Stay disabled until the page is gone: a tap now would be a new wish.
      setSent(true);
      draft.clear();
      await overlay.toast('心愿已提交', 'success');
      void Taro.redirectTo({ url: routes.myWishes });
    } catch (e) {
      setErrors({ form: errorText(e) });
      if (e instanceof CloudError && e.code === 'WISH.TOO_MANY_OPEN') quota.reload();
    }
  };

  if (full && !sent) {
    return (
      <PageShell className="wish-new">
        <NoticeBar kind="warn">
          您家已有 {quota.data!.open} 个心愿正在办理，最多 {quota.data!.max} 个。等其中一个完成或撤回后，才能再许新的心愿。
        </NoticeBar>
        <BigButton kind="secondary" onTap={go(routes.myWishes)}>
          查看我的心愿
        </BigButton>
      </PageShell>
    );
  }

  return (
    <PageShell className="wish-new" overlay={overlay}>
      <View className="muted intro">写下您家需要帮助的一件小事，驻村干部审核后会放上心愿墙。</View>
      {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
      {quota.error && !quota.data && <StateView loading={false} error={quota.error} onRetry={quota.reload} />}
      <Field label="心愿类别" error={errors.category}>
        <Chips label="心愿类别" options={categories} value={category} onChange={setCategory} />
      </Field>
      <Field
        label="心愿内容"
        error={errors.text}
        hint="写清楚需要什么、给谁用"
        count={{ value: text.trim().length, max: WISH_TEXT_MAX }}
        extra={<VoiceButton field="心愿内容" onText={(said) => setText(text + said)} />}
      >
        <Textarea
          className="field wish-text"
          placeholder="例如：孙子上学需要一个书包"
          {...fieldLabel('心愿内容')}
          value={text}
          // No hard limit: a paste or a long sentence is never cut off unseen; the counter and the check say it is too long.
          maxlength={-1}
          onInput={(e) => setText(e.detail.value)}
        />
      </Field>
      <Field label="估计价值（元，可不填）" error={errors.value} hint={`微心愿一般不超过 ${wishRules.maxValueYuan} 元，填整数`}>
        <Input
          className="field wish-value"
          type="number"
          {...fieldLabel('估计价值（元）')}
          placeholder="例如：80"
          value={value}
          maxlength={6}
          onInput={(e) => setValue(e.detail.value)}
        />
      </Field>
      <Field label="照片（可不拍）" hint={`最多 ${wishRules.maxPhotos} 张。审核通过后帮扶人员能看到，请不要拍身份证和门牌`}>
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
        提交心愿
      </BigButton>
    </PageShell>
  );
}
