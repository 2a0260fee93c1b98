import { Input, Textarea, View } from '@tarojs/components';
import FormError from '../../components/form-error';
import { fieldLabel } from '../../components/a11y';
import { useState } from 'react';
import {
  WISH_TEXT_MAX,
  wishCategoryLabels,
  wishChannelLabels,
  wishesContract,
  wishRules,
  type WishCategory,
  type WishChannel,
} from '../../../types';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import { useDraft } from '../../hooks/use-draft';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import HouseholdPicker, { type PickedHousehold } from './household-picker';
import './index.scss';
import { fieldProblems } from '../../services/field-problems';

const categories = (Object.entries(wishCategoryLabels) as [WishCategory, string][]).map(([value, label]) => ({ value, label }));
const channels = (Object.entries(wishChannelLabels) as [WishChannel, string][]).map(([value, label]) => ({ value, label }));

interface Values {
  household: PickedHousehold | null;
  channel: WishChannel | null;
  category: WishCategory | null;
  text: string;
  value: string;
}
const blank: Values = { household: null, channel: null, category: null, text: '', value: '' };
type Errors = Partial<Record<'channel' | 'category' | 'text' | 'value' | 'form', string>>;

/** The contract's message for each field that fails, keyed by field. */
const problems = (input: Record<string, unknown>): Errors => fieldProblems(wishesContract.actions.submitFor.input, input);
const valueOf = (typed: string): number | undefined => (typed.trim() === '' ? undefined : Number(typed.trim()));

/** 代录心愿: a wish a cadre collected for a household of the village, on a visit, by phone or from the box. */
export default function SubmitFor() {
  const draft = useDraft<Values>('submit-for', blank);
  const v = draft.values;
  const [errors, setErrors] = useState<Errors>({});
  const submission = useSubmission('submit-for');
  const overlay = useOverlay();

  const inputOf = (x: Values) => ({
    householdId: x.household?.householdId ?? '',
    channel: x.channel ?? undefined,
    category: x.category ?? undefined,
    text: x.text,
    ...(x.value.trim() ? { value: valueOf(x.value) } : {}),
  });
  const change = (patch: Partial<Values>) => {
    draft.set(patch);
    // An error goes as soon as its field is fixed; other fields keep theirs until the next try.
    const now = problems(inputOf({ ...v, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k === 'form' || now[k as keyof Errors])));
  };

  const submit = async () => {
    const household = v.household;
    if (!household?.householdId) return;
    const input = inputOf(v);
    const parsed = wishesContract.actions.submitFor.input.safeParse(input);
    if (!parsed.success) return setErrors(problems(input));
    setErrors({});
    const wish = parsed.data;
    try {
      const key = [wish.householdId, wish.channel, wish.category, wish.text, wish.value ?? ''].join('\n');
      const done = await submission.submit(key, (requestId) => callCloud(wishesContract, 'submitFor', { ...wish, requestId }));
      if (!done.sent) return;
      draft.clear();
      void overlay.toast(`已为${household.name}家代录，等待审核`, 'success');
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  if (!v.household) {
    return (
      <PageShell className="submit-for" overlay={overlay}>
        {draft.restored && <NoticeBar>已填好您上次没有提交的内容，选好户后可以接着填。</NoticeBar>}
        <HouseholdPicker onPick={(household) => draft.set({ household })} />
      </PageShell>
    );
  }
  const missingId = v.household.householdId === null;
  return (
    <PageShell className="submit-for" overlay={overlay}>
      <View className="card picked">
        <View>
          为 <View className="picked-name">{v.household.name}</View> 家代录
        </View>
        <View className="small muted">{v.household.detail}</View>
        <BigButton kind="secondary" onTap={() => draft.set({ household: null })}>
          换一户
        </BigButton>
      </View>
      {missingId && <NoticeBar kind="warn">暂时不能为这户代录：花名册里缺少这户的编号，请联系管理员。</NoticeBar>}
      <Field label="怎么收集到的" error={errors.channel}>
        <Chips label="收集方式" options={channels} value={v.channel} onChange={(channel) => change({ channel })} />
      </Field>
      <Field label="心愿类别" error={errors.category}>
        <Chips label="心愿类别" options={categories} value={v.category} onChange={(category) => change({ category })} />
      </Field>
      <Field label="心愿内容" error={errors.text} hint="尽量用村民自己的话" count={{ value: v.text.trim().length, max: WISH_TEXT_MAX }}>
        <Textarea
          className="field wish-text"
          {...fieldLabel('心愿内容')}
          value={v.text}
          maxlength={-1}
          onInput={(e) => change({ text: e.detail.value })}
        />
      </Field>
      <Field label="估计价值（元，可不填）" error={errors.value} hint={`不超过 ${wishRules.maxValueYuan} 元，填整数`}>
        <Input
          className="field"
          type="number"
          {...fieldLabel('估计价值（元）')}
          value={v.value}
          maxlength={6}
          onInput={(e) => change({ value: e.detail.value })}
        />
      </Field>
      <FormError text={errors.form} />
      <BigButton
        className="submit"
        disabled={missingId}
        busy={submission.pending !== null}
        busyText="正在提交…"
        onTap={() => void submit()}
      >
        提交代录的心愿
      </BigButton>
    </PageShell>
  );
}
