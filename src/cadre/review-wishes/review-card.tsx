import { Image, Text, Textarea, View } from '@tarojs/components';
import FormError from '../../components/form-error';
import { a11y, fieldLabel } from '../../components/a11y';
import { useState } from 'react';
import { wishCategoryLabels, wishChannelLabels, wishesContract, type ReviewWish, type WishCategory } from '../../../types';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import type { Overlay } from '../../components/overlay/use-overlay';
import { useDraft } from '../../hooks/use-draft';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { OTHER, reasonOptions, reasonText, type ReasonChoice } from './reasons';
import { fieldProblem } from '../../services/field-problems';

/** The public summary is shorter than the villager's words; it starts as their words, cut to fit. */
export const SUMMARY_MAX = 100;
const categories = (Object.entries(wishCategoryLabels) as [WishCategory, string][]).map(([value, label]) => ({ value, label }));
const review = wishesContract.actions.review.input;

/** The message the contract gives for `field`, or undefined. */
const problem = (input: unknown, field: string): string | undefined => fieldProblem(review, input, field);

interface Values {
  summary: string;
  category: WishCategory;
  rejecting: boolean;
  reason: ReasonChoice | null;
  ownReason: string;
}

/** One waiting wish: the cadre edits what goes on the wall, then publishes it or says why not. */
export default function ReviewCard({ wish, overlay, onDone }: { wish: ReviewWish; overlay: Overlay; onDone: () => void }) {
  const draft = useDraft<Values>(`review:${wish.id}`, {
    summary: wish.text.slice(0, SUMMARY_MAX),
    category: wish.category,
    rejecting: false,
    reason: null,
    ownReason: '',
  });
  const v = draft.values;
  const [errors, setErrors] = useState<{ summary?: string; reason?: string; form?: string }>({});
  const submission = useSubmission();
  const busy = submission.pending;

  const decide = async (decision: 'publish' | 'reject') => {
    const input =
      decision === 'publish'
        ? { id: wish.id, decision, summary: v.summary.trim(), category: v.category }
        : { id: wish.id, decision, reason: reasonText(v.reason, v.ownReason) || undefined };
    const found = decision === 'publish' ? { summary: problem(input, 'summary') } : { reason: problem(input, 'reason') };
    if (found.summary || found.reason) return setErrors(found);
    setErrors({});
    if (decision === 'reject') {
      const yes = await overlay.confirm({
        title: '不通过这个心愿？',
        content: `村民会收到通知和原因：${input.reason}`,
        confirmText: '不通过',
        danger: true,
      });
      if (!yes) return;
    }
    try {
      const done = await submission.submit(decision, () => callCloud(wishesContract, 'review', input));
      if (!done.sent) return;
      draft.clear();
      void overlay.toast(decision === 'publish' ? '已通过，心愿上了心愿墙' : '已退回，村民会看到原因', 'success');
      onDone();
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  return (
    <View className="card wish">
      <View className="wish-head">
        <Text className="badge">{wishCategoryLabels[wish.category]}</Text>
        <Text className="small muted">
          {formatTime(wish.createdAt)}
          {wish.channel ? ` · ${wishChannelLabels[wish.channel]}代录` : ''}
        </Text>
      </View>
      <View className="wish-text">{wish.text}</View>
      <View className="small muted">
        {wish.submitterName} · {wish.householdLabel}
        {wish.value != null ? ` · 约 ${wish.value} 元` : ''}
      </View>
      {(wish.photoUrls ?? []).length > 0 && (
        <View className="wish-photos">
          {wish.photoUrls!.map((url, i) => (
            <Image key={url} className="wish-photo" src={url} mode="aspectFill" {...a11y('img', `心愿照片 ${i + 1}`)} />
          ))}
        </View>
      )}
      <Field
        label="上墙摘要"
        error={errors.summary}
        hint="心愿墙上只显示这段话：不要写姓名、电话、住址"
        count={{ value: v.summary.trim().length, max: SUMMARY_MAX }}
      >
        <Textarea
          className="field summary"
          {...fieldLabel(`上墙摘要：${wish.text.slice(0, 10)}`)}
          value={v.summary}
          maxlength={-1}
          onInput={(e) => {
            draft.set({ summary: e.detail.value });
            if (errors.summary)
              setErrors((x) => ({
                ...x,
                summary: problem({ id: wish.id, decision: 'publish', summary: e.detail.value.trim() }, 'summary'),
              }));
          }}
        />
      </Field>
      <Field label="类别">
        <Chips label="类别" options={categories} value={v.category} onChange={(category) => draft.set({ category })} />
      </Field>
      {v.rejecting ? (
        <View className="reject">
          <Field label="不通过的原因" error={errors.reason} hint="村民会看到这个原因">
            <Chips
              label="不通过的原因"
              options={reasonOptions}
              value={v.reason}
              onChange={(reason) => {
                draft.set({ reason });
                setErrors((x) => ({ ...x, reason: undefined }));
              }}
            />
          </Field>
          {v.reason === OTHER && (
            <Field label="写下原因" count={{ value: v.ownReason.trim().length, max: 200 }}>
              <Textarea
                className="field own-reason"
                {...fieldLabel('写下不通过的原因')}
                value={v.ownReason}
                maxlength={-1}
                onInput={(e) => draft.set({ ownReason: e.detail.value })}
              />
            </Field>
          )}
          <FormError text={errors.form} />
          <BigButton kind="danger" busy={busy === 'reject'} busyText="正在提交…" onTap={() => void decide('reject')}>
            确认不通过
          </BigButton>
          <BigButton kind="secondary" onTap={() => draft.set({ rejecting: false })}>
            返回
          </BigButton>
        </View>
      ) : (
        <View className="decide">
          <FormError text={errors.form} />
          <BigButton busy={busy === 'publish'} busyText="正在提交…" onTap={() => void decide('publish')}>
            通过，上心愿墙
          </BigButton>
          <BigButton kind="danger" onTap={() => draft.set({ rejecting: true })}>
            不通过
          </BigButton>
        </View>
      )}
    </View>
  );
}
