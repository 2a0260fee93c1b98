import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { householdEventLabels, roleLabels, tasksContract, type HouseholdEvent, type Visitor } from '../../../types';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import NoticeBar from '../../components/notice-bar';
import PageShell from '../../components/page-shell';
import ReturnButton from '../../components/return-button';
import Steps from '../../components/steps';
import VoiceButton from '../../components/voice-button';
import { useDraft } from '../../hooks/use-draft';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { fieldProblems } from '../../services/field-problems';
import { formatDay } from '../../services/format';
import './index.scss';

/** The longest note the contract takes. */
export const NOTE_MAX = 200;
const events = (Object.entries(householdEventLabels) as [HouseholdEvent, string][]).map(([value, label]) => ({ value, label }));
const stages = ['选事情', '确认', '已告诉干部'] as const;

type Errors = Partial<Record<'event' | 'note' | 'form', string>>;

const problems = (input: Record<string, unknown>): Errors => fieldProblems(tasksContract.actions.reportEvent.input, input);

/** "赵明远（第一书记）", or the role when the roster gives no title. */
const visitorWords = (v: Visitor) => `${v.name}（${v.title ?? roleLabels[v.role]}）`;

interface Reported {
  dueDate: string;
  visitors: Visitor[];
  event: HouseholdEvent;
}

function Done({ reported, householdId }: { reported: Reported; householdId: string }) {
  return (
    <View>
      <View className="card report-done" {...a11y('status')}>
        <View className="title">✓ 已经告诉驻村干部了</View>
        <View>
          “{householdEventLabels[reported.event]}”已上报，最晚 <Text className="report-due">{formatDay(reported.dueDate)}</Text>{' '}
          前会有人上门。
        </View>
      </View>
      <View className="section-title">谁会来</View>
      <View className="card" {...a11y('list', '谁会来')}>
        {reported.visitors.length === 0 ? (
          <View>村里会安排驻村干部上门。</View>
        ) : (
          reported.visitors.map((v) => (
            <View key={`${v.role}:${v.name}`} className="report-visitor" {...a11y('listitem')}>
              {visitorWords(v)}
            </View>
          ))
        )}
      </View>
      <ReturnButton householdId={householdId} />
    </View>
  );
}

/**
 * 家里有事，请干部来一趟 (四必访): a villager tells the village's cadres and paired helpers about a wedding
 * or funeral, a serious illness, a hardship with school or hospital, or a family change; they get an
 * urgent task at once. Staff report for a household with `?householdId=`.
 */
export default function ReportEvent() {
  const [householdId] = useState(() => Taro.getCurrentInstance?.()?.router?.params?.householdId ?? '');
  const staff = householdId !== '';
  const draft = useDraft<{ event: HouseholdEvent | null; note: string }>(`report-event:${householdId || 'mine'}`, {
    event: null,
    note: '',
  });
  const { event, note } = draft.values;
  const [step, setStep] = useState<0 | 1>(0);
  const [errors, setErrors] = useState<Errors>({});
  const [reported, setReported] = useState<Reported | null>(null);
  const submission = useSubmission(`report-event:${householdId || 'mine'}`);

  const inputOf = (e: HouseholdEvent | null, n: string) => ({ ...(staff ? { householdId } : {}), event: e ?? undefined, note: n });
  const setNote = (value: string) => {
    draft.set({ note: value });
    if (errors.note) setErrors((x) => ({ ...x, note: problems(inputOf(event, value)).note }));
  };
  const setEvent = (value: HouseholdEvent) => {
    draft.set({ event: value });
    setErrors((x) => ({ ...x, event: undefined }));
  };

  const next = () => {
    const found = problems(inputOf(event, note));
    setErrors(found);
    if (Object.keys(found).length === 0) setStep(1);
  };

  const send = async () => {
    const parsed = tasksContract.actions.reportEvent.input.safeParse(inputOf(event, note));
    if (!parsed.success) return setStep(0);
    const input = parsed.data;
    setErrors({});
    try {
      // The same report is the same event: a retry after a lost answer tells the cadres once.
      const done = await submission.submit(JSON.stringify(input), (requestId) =>
        callCloud(tasksContract, 'reportEvent', { ...input, requestId }),
      );
      if (!done.sent) return;
      draft.clear();
      setReported({ dueDate: done.value.dueDate, visitors: done.value.visitors, event: input.event });
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  return (
    <PageShell className="report-event">
      <Steps steps={stages} current={reported ? stages.length : step} />
      {reported ? (
        <Done reported={reported} householdId={householdId} />
      ) : step === 0 ? (
        <View>
          <View className="muted intro">
            {staff
              ? '这一户家里有事，本村驻村干部和结对的帮扶责任人会马上收到，并尽快上门。'
              : '家里遇到下面的事，告诉驻村干部，他们会尽快到您家来。'}
          </View>
          {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
          <Field label="家里发生了什么事" error={errors.event}>
            <Chips label="家里发生了什么事" options={events} value={event} onChange={setEvent} />
          </Field>
          <Field
            label="说说情况"
            error={errors.note}
            hint="例如谁、什么时候、需要什么帮助"
            count={{ value: note.trim().length, max: NOTE_MAX }}
            extra={<VoiceButton field="情况说明" onText={(said) => setNote(note + said)} />}
          >
            <Textarea
              className="field report-note"
              {...fieldLabel('情况说明')}
              placeholder="例如：老伴住院了，家里没人照顾"
              value={note}
              maxlength={-1}
              onInput={(e) => setNote(e.detail.value)}
            />
          </Field>
          <BigButton onTap={next}>下一步</BigButton>
        </View>
      ) : (
        <View>
          <View className="card report-confirm">
            <View className="section-title">请确认要告诉驻村干部的事</View>
            <View className="report-event-name title">{event ? householdEventLabels[event] : ''}</View>
            <View className="report-note-text">{note.trim()}</View>
          </View>
          <View className="muted intro">确认后，本村驻村干部和您家的帮扶责任人会马上收到消息，并在几天内上门。</View>
          <FormError text={errors.form} />
          <BigButton busy={submission.pending !== null} busyText="正在告诉干部…" onTap={() => void send()}>
            确认，请干部来
          </BigButton>
          <BigButton kind="secondary" onTap={() => setStep(0)}>
            返回修改
          </BigButton>
        </View>
      )}
    </PageShell>
  );
}
