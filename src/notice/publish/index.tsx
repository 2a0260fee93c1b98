import { Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { NOTICE_BODY_MAX, NOTICE_TITLE_MAX, noticeKindLabels, noticesContract } from '../../../types/notices';
import { noticeLink, routes } from '../../../types/routes';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import VoiceButton from '../../components/voice-button';
import { useDraft } from '../../hooks/use-draft';
import { useProfile } from '../../hooks/use-profile';
import { useSubmission } from '../../hooks/use-submission';
import { CloudError, callCloud, errorText } from '../../services/cloud';
import { fieldProblems } from '../../services/field-problems';
import VillagePicker from '../village-picker';
import '../notice.scss';
import './index.scss';

type Kind = 'announcement' | 'farming';
const kinds: { value: Kind; label: string }[] = [
  { value: 'announcement', label: noticeKindLabels.announcement },
  { value: 'farming', label: noticeKindLabels.farming },
];

interface Values {
  kind: Kind;
  title: string;
  body: string;
  /** An office's choice; null is every village of its area. */
  villageIds: string[] | null;
}

const inputOf = (v: Values) => ({ kind: v.kind, title: v.title, body: v.body, ...(v.villageIds ? { villageIds: v.villageIds } : {}) });
const problems = (v: Values) => fieldProblems(noticesContract.actions.publish.input, inputOf(v));

/** 发通知: a cadre to their village, an office to the villages of its area it chooses (all by default). */
export default function PublishNotice() {
  const profile = useProfile();
  const office = profile?.role === 'office';
  const draft = useDraft<Values>('notice-publish', { kind: 'announcement', title: '', body: '', villageIds: null });
  const { kind, title, body, villageIds } = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<{ id: string; title: string } | null>(null);
  const submission = useSubmission('notice-publish');
  const overlay = useOverlay();

  const change = (patch: Partial<Values>) => {
    draft.set(patch);
    // A fixed field stops complaining at once; the others keep what they said until the next send.
    const now = problems({ ...draft.values, ...patch });
    setErrors((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k === 'form' || now[k] !== undefined)));
  };

  const send = async () => {
    const found = problems(draft.values);
    setErrors(found);
    const parsed = noticesContract.actions.publish.input.safeParse(inputOf(draft.values));
    if (Object.keys(found).length > 0 || !parsed.success) return;
    const to = office ? (villageIds ? `所选的 ${villageIds.length} 个村` : '您负责的所有村') : (profile?.villageName ?? '本村');
    const yes = await overlay.confirm({
      title: '发出这条通知？',
      content: `发出后，${to}用小程序的人都会收到，发出后不能修改。`,
      confirmText: '发出',
    });
    if (!yes) return;
    try {
      const done = await submission.submit(JSON.stringify(parsed.data), (requestId) =>
        callCloud(noticesContract, 'publish', { ...parsed.data, requestId }),
      );
      if (!done.sent) return;
      draft.clear();
      setSent({ id: done.value.id, title: done.value.title });
    } catch (e) {
      // The content check names no field; the text is where such words usually are.
      if (e instanceof CloudError && e.code === 'CONTENT.REJECTED') setErrors({ body: e.message });
      else setErrors({ form: errorText(e) });
    }
  };

  if (sent) {
    return (
      <PageShell className="notice-page notice-publish">
        <View className="card notice-sent" {...a11y('status')}>
          <View className="title">✓ 通知已发出</View>
          <View>“{sent.title}”</View>
        </View>
        <BigButton onTap={() => void Taro.redirectTo({ url: noticeLink(sent.id) })}>看看谁读了</BigButton>
        <BigButton kind="secondary" onTap={() => void Taro.reLaunch({ url: routes.home })}>
          回到首页
        </BigButton>
      </PageShell>
    );
  }

  return (
    <PageShell className="notice-page notice-publish" overlay={overlay}>
      {draft.restored && <NoticeBar>已填好您上次没有发出的内容，可以接着写。</NoticeBar>}
      {office ? (
        <VillagePicker value={villageIds} onChange={(v) => change({ villageIds: v })} error={errors.villageIds} />
      ) : (
        <View className="muted intro">发给：{profile?.villageName ?? '本村'}用小程序的每一个人</View>
      )}
      <Field label="通知种类" error={errors.kind}>
        <Chips label="通知种类" options={kinds} value={kind} onChange={(v) => change({ kind: v })} />
      </Field>
      <Field label="标题" error={errors.title} count={{ value: title.trim().length, max: NOTICE_TITLE_MAX }}>
        <Input
          className="field"
          {...fieldLabel('通知标题')}
          placeholder="例如：关于冬季防火的通知"
          value={title}
          maxlength={-1}
          onInput={(e) => change({ title: e.detail.value })}
        />
      </Field>
      <Field
        label="内容"
        error={errors.body}
        count={{ value: body.trim().length, max: NOTICE_BODY_MAX }}
        extra={<VoiceButton field="通知内容" onText={(said) => draft.set((v) => ({ body: v.body + said }))} />}
      >
        <Textarea
          className="field notice-body-input"
          {...fieldLabel('通知内容')}
          placeholder="把要告诉大家的事写清楚：什么事、什么时候、要做什么"
          value={body}
          maxlength={-1}
          onInput={(e) => change({ body: e.detail.value })}
        />
      </Field>
      <FormError text={errors.form} />
      <BigButton busy={submission.pending !== null} busyText="正在发出…" onTap={() => void send()}>
        发出通知
      </BigButton>
    </PageShell>
  );
}
