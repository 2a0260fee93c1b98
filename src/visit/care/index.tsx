import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { cadreEventLabels, routes, type CadreEvent } from '../../../types';
import { tasksContract } from '../../../types/tasks';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import NoticeBar from '../../components/notice-bar';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import VoiceButton from '../../components/voice-button';
import { usePaged } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { fieldProblems } from '../../services/field-problems';
import { formatDay } from '../../services/format';
import './index.scss';

export const CARE_NOTE_MAX = 200;
const events = (Object.entries(cadreEventLabels) as [CadreEvent, string][]).map(([value, label]) => ({ value, label }));

interface Values {
  memberId: string | null;
  event: CadreEvent | null;
  note: string;
}

/**
 * 关爱干部 (五必访, seed 000 §二.5, 001 §9): a cadre tells the township office that they or a colleague
 * are in hospital, hurt, in family hardship, under strain or troubled; an office records it for a cadre
 * of its area. The office gets a visit task and a message at once.
 */
export default function CareReport() {
  const cadres = usePaged((page) => callCloud(tasksContract, 'careCandidates', page), { cacheKey: 'care-candidates' });
  const draft = useDraft<Values>('care-report', { memberId: null, event: null, note: '' });
  const { memberId, event, note } = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ name: string; dueDate: string } | null>(null);
  const submission = useSubmission('care-report');
  const people = cadres.items.map((c) => ({ value: c.memberId, label: `${c.name}（${c.villageName}）` }));
  const inputOf = (v: Values) => ({ memberId: v.memberId ?? undefined, event: v.event ?? undefined, note: v.note });
  const change = (patch: Partial<Values>) => {
    draft.set(patch);
    // A fixed field stops complaining at once; the others keep what they said until the next send.
    const now = fieldProblems(tasksContract.actions.reportCadreEvent.input, inputOf({ ...draft.values, ...patch }));
    setErrors((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k === 'form' || now[k] !== undefined)));
  };

  const send = async () => {
    const found = fieldProblems(tasksContract.actions.reportCadreEvent.input, inputOf(draft.values));
    if (!memberId) found.memberId = '请选择是哪位干部';
    setErrors(found);
    const parsed = tasksContract.actions.reportCadreEvent.input.safeParse(inputOf(draft.values));
    if (Object.keys(found).length > 0 || !parsed.success) return;
    try {
      const sent = await submission.submit(JSON.stringify(parsed.data), (requestId) =>
        callCloud(tasksContract, 'reportCadreEvent', { ...parsed.data, requestId }),
      );
      if (!sent.sent) return;
      draft.clear();
      setDone({ name: cadres.items.find((c) => c.memberId === parsed.data.memberId)?.name ?? '', dueDate: sent.value.dueDate });
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  if (done) {
    return (
      <PageShell className="care-report">
        <View className="card care-done" {...a11y('status')}>
          <View className="title">✓ 已经告诉乡镇驻村办了</View>
          <View>
            乡镇会在 <Text>{formatDay(done.dueDate)}</Text> 前去看望{done.name}。
          </View>
        </View>
        <BigButton kind="secondary" onTap={() => void Taro.reLaunch({ url: routes.home })}>
          回到首页
        </BigButton>
      </PageShell>
    );
  }

  return (
    <PageShell className="care-report">
      <View className="muted intro">干部生病住院、受了伤、家里有困难、工作压力大或情绪不好，告诉乡镇驻村办，他们会尽快去看望。</View>
      {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
      <Field label="是哪位干部" error={errors.memberId}>
        {cadres.items.length === 0 ? (
          <StateView loading={cadres.loading} error={cadres.error} onRetry={cadres.retry} empty emptyText="您负责的范围里还没有驻村干部" />
        ) : (
          <Chips label="是哪位干部" options={people} value={memberId} onChange={(v) => change({ memberId: v })} />
        )}
        {cadres.hasMore && (
          <BigButton kind="secondary" onTap={cadres.loadMore}>
            加载更多干部
          </BigButton>
        )}
      </Field>
      <Field label="发生了什么事" error={errors.event}>
        <Chips label="发生了什么事" options={events} value={event} onChange={(v) => change({ event: v })} />
      </Field>
      <Field
        label="说说情况"
        error={errors.note}
        count={{ value: note.trim().length, max: CARE_NOTE_MAX }}
        extra={<VoiceButton field="情况说明" onText={(said) => change({ note: note + said })} />}
      >
        <Textarea
          className="field care-note"
          {...fieldLabel('情况说明')}
          placeholder="例如：胃出血住院了，要住一周"
          value={note}
          maxlength={-1}
          onInput={(e) => change({ note: e.detail.value })}
        />
      </Field>
      <FormError text={errors.form} />
      <BigButton busy={submission.pending !== null} busyText="正在告诉乡镇…" onTap={() => void send()}>
        告诉乡镇驻村办
      </BigButton>
    </PageShell>
  );
}
