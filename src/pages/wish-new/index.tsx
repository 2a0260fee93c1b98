import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  routes,
  WISH_TEXT_MAX,
  wishCategoryLabels,
  wishCategorySchema,
  wishesContract,
  wishTextSchema,
  type WishCategory,
} from '../../../types';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import VoiceButton from '../../components/voice-button';
import { useLoad } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { useSubmission } from '../../hooks/use-submission';
import { CloudError, callCloud, errorText } from '../../services/cloud';
import { go } from '../../services/navigate';
import './index.scss';

const categories = (Object.entries(wishCategoryLabels) as [WishCategory, string][]).map(([value, label]) => ({ value, label }));

interface Errors {
  category?: string;
  text?: string;
  /** The function's answer or a failure to reach it. */
  form?: string;
}

/** The first message of a field's schema, or undefined when the value is fine. */
const problem = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? undefined : (r.error?.issues[0]?.message ?? '请检查填写的内容');
};

export default function WishNew() {
  const draft = useDraft<{ category: WishCategory | null; text: string }>('wish-new', { category: null, text: '' });
  const { category, text } = draft.values;
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState(false);
  const submission = useSubmission('wish-new');
  const quota = useLoad(() => callCloud('wishes', 'quota', {}));
  const overlay = useOverlay();
  const busy = submission.pending !== null || sent;
  const full = quota.data !== null && quota.data.open >= quota.data.max;

  // A field's error goes as soon as the field is fixed, not at the next tap on 提交.
  const setText = (value: string) => {
    draft.set({ text: value });
    if (errors.text) setErrors((e) => ({ ...e, text: problem(wishTextSchema, value) }));
  };
  const setCategory = (value: WishCategory) => {
    draft.set({ category: value });
    setErrors((e) => ({ ...e, category: undefined }));
  };

  const submit = async () => {
    if (sent) return;
    // The same schema the cloud function checks, so the villager hears about every mistake before sending.
    const parsed = wishesContract.actions.submit.input.safeParse({ category, text });
    if (!parsed.success) {
      return setErrors({ category: problem(wishCategorySchema, category), text: problem(wishTextSchema, text) });
    }
    setErrors({});
    const { category: chosen, text: wish } = parsed.data;
    try {
      // Same category and text: the same wish, so a retry after a lost answer, even after a restart, cannot create a second one.
      const done = await submission.submit(`${chosen}\n${wish}`, (requestId) =>
        callCloud('wishes', 'submit', { category: chosen, text: wish, requestId }),
      );
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
          ariaLabel="心愿内容"
          value={text}
          // No hard limit: a paste or a long sentence is never cut off unseen; the counter and the check say it is too long.
          maxlength={-1}
          onInput={(e) => setText(e.detail.value)}
        />
      </Field>
      {errors.form && (
        <View className="error-text form-error" role="alert">
          ！{errors.form}
        </View>
      )}
      <BigButton className="submit" busy={busy} busyText={sent ? '已提交' : '正在提交…'} onTap={() => void submit()}>
        提交心愿
      </BigButton>
    </PageShell>
  );
}
