import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  householdLink,
  MAX_VISIT_PROBLEMS,
  VISIT_ANSWER_MAX,
  visitModeLabels,
  visitModeSchema,
  visitQuestionLabels,
  visitQuestions,
  visitsContract,
  wishRules,
  type HouseholdPage,
  type VisitMode,
  type VisitQuestion,
} from '../../../types';
import { fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import ImageUploader from '../../components/image-uploader';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import VoiceButton from '../../components/voice-button';
import { useLoad } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { usePhotoUpload } from '../../hooks/use-photo-upload';
import { useProfile } from '../../hooks/use-profile';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { addDays, chinaToday } from '../../services/format';
import DateField from '../date-field';
import { householdCacheKey } from '../household/keys';
import ProblemRow, { type ProblemDraft } from './problem-row';
import { quickAnswers, withQuick } from './quick-answers';
import '../visit.scss';
import './index.scss';
import { fieldProblems } from '../../services/field-problems';

/** How far back a visit may be logged (visits.log refuses more: VISIT.BAD_DATE). */
const BACKDATE_MAX_DAYS = 30;

const params = () => Taro.getCurrentInstance?.()?.router?.params ?? {};
const modes = (Object.entries(visitModeLabels) as [VisitMode, string][]).map(([value, label]) => ({ value, label }));

interface Values {
  mode: VisitMode | null;
  /** Null for today (the function's default), so a form left open past midnight logs the right day. */
  visitedOn: string | null;
  answers: Record<VisitQuestion, string>;
  problems: ProblemDraft[];
  /** Local paths: uploaded only when the visit is sent. */
  photos: string[];
}

/** Errors by the input's path, e.g. `answers.family`, `problems.0.text`, and `form` for the function's refusal. */
type Errors = Record<string, string>;

const problemsOf = (input: unknown): Errors => fieldProblems(visitsContract.actions.log.input, input);

const newKey = () => `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** 走访日志: one visit to one household, the four questions, what was found, optional photos. */
export default function VisitLog() {
  const [{ householdId = '', mode: askedMode }] = useState(params);
  const today = chinaToday();
  const household = useLoad(() => callCloud(visitsContract, 'household', { householdId }), { cacheKey: householdCacheKey(householdId) });
  const profile = useProfile();
  const draft = useDraft<Values>(`visit-log:${householdId}`, {
    mode: visitModeSchema.safeParse(askedMode).success ? (askedMode as VisitMode) : null,
    visitedOn: null,
    answers: { family: '', hardship: '', needs: '', intention: '' },
    problems: [],
    photos: [],
  });
  const v = draft.values;
  const visitedOn = v.visitedOn ?? today;
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState(false);
  const submission = useSubmission(`visit-log:${householdId}`);
  const upload = usePhotoUpload();
  const overlay = useOverlay();

  const inputOf = (x: Values) => ({
    householdId,
    mode: x.mode ?? undefined,
    answers: {
      family: x.answers.family.trim(),
      hardship: x.answers.hardship.trim(),
      needs: x.answers.needs.trim(),
      intention: x.answers.intention.trim(),
    },
    ...(x.problems.length > 0
      ? {
          problems: x.problems.map((p) => ({
            text: p.text.trim(),
            ...(p.ownerId ? { ownerId: p.ownerId } : {}),
            ...(p.dueDate ? { dueDate: p.dueDate } : {}),
          })),
        }
      : {}),
    ...(x.visitedOn && x.visitedOn !== today ? { visitedOn: x.visitedOn } : {}),
  });

  /** Changes the form; an error goes as soon as its field is fixed, the others stay until the next try. */
  const change = (patch: Partial<Values> | ((x: Values) => Partial<Values>)) => {
    const next = { ...v, ...(typeof patch === 'function' ? patch(v) : patch) };
    draft.set(next);
    const now = problemsOf(inputOf(next));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k === 'form' || now[k])));
  };
  const setAnswer = (q: VisitQuestion, text: string) => change((x) => ({ answers: { ...x.answers, [q]: text } }));
  const setProblem = (key: string, patch: Partial<ProblemDraft>) =>
    change((x) => ({ problems: x.problems.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));

  const data: HouseholdPage | null = household.data;
  // The village's cadres and the household's paired helpers may follow a problem up; the visitor is 我自己 already.
  const owners = [...(data?.cadres ?? []), ...(data?.helpers ?? [])].filter((h) => h.id !== profile?.memberId);

  const submit = async () => {
    if (sent) return;
    // The same schema the function checks, so every mistake shows before anything is sent.
    const parsed = visitsContract.actions.log.input.safeParse(inputOf(v));
    if (!parsed.success) return setErrors(problemsOf(inputOf(v)));
    setErrors({});
    const visit = parsed.data;
    try {
      // The same visit is the same record: a retry after a lost answer, even after a restart, logs it once.
      const content = JSON.stringify([visit, v.photos]);
      const done = await submission.submit(content, async (requestId) => {
        const ids = v.photos.length > 0 ? await upload(v.photos) : [];
        return callCloud(visitsContract, 'log', { ...visit, ...(ids.length > 0 ? { photos: ids } : {}), requestId });
      });
      if (!done.sent) return;
      setSent(true);
      draft.clear();
      const closed = done.value.resolvedTaskIds.length;
      await overlay.toast(closed > 0 ? `走访已记下，完成了 ${closed} 项任务` : '走访已记下', 'success');
      void Taro.redirectTo({ url: householdLink(householdId) });
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  if (!householdId) {
    return (
      <PageShell className="visit-page visit-log">
        <StateView loading={false} error="没有选好要走访的户，请从走访任务或农户页面重新打开" />
      </PageShell>
    );
  }
  const busy = submission.pending !== null || sent;
  return (
    <PageShell className="visit-page visit-log" overlay={overlay}>
      <View className="card visit-log-who">
        {data ? (
          <>
            <Text className="title">走访 {data.household.headName}家</Text>
            <View className="small muted">
              {data.household.villageName} {data.household.address}
              {data.household.livesAway ? ' · 不在村' : ''}
            </View>
          </>
        ) : (
          <Text className="title">记一次走访</Text>
        )}
      </View>
      {household.error && !data && <NoticeBar kind="warn">{household.error} 可以先填，网络好了再提交。</NoticeBar>}
      {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
      <Field label="怎么走访的" error={errors.mode}>
        <Chips label="走访方式" options={modes} value={v.mode} onChange={(mode) => change({ mode })} />
      </Field>
      <DateField
        label="走访日期"
        value={visitedOn}
        start={addDays(today, -BACKDATE_MAX_DAYS)}
        end={today}
        hint={`补记的话可以改，最早 ${BACKDATE_MAX_DAYS} 天前`}
        error={errors.visitedOn}
        onChange={(d) => change({ visitedOn: d === today ? null : d })}
      />
      <View className="section-title">四必问</View>
      {visitQuestions.map((q, i) => {
        const label = visitQuestionLabels[q];
        const phrases = quickAnswers[q];
        const answer = v.answers[q];
        return (
          <View key={q} className="card question">
            <Field
              label={`${i + 1}. ${label}`}
              error={errors[`answers.${q}`]}
              count={{ value: answer.trim().length, max: VISIT_ANSWER_MAX }}
              extra={<VoiceButton field={label} onText={(said) => setAnswer(q, answer + said)} />}
            >
              <Chips
                label={`${label}常用回答`}
                options={phrases.map((p) => ({ value: p, label: p }))}
                value={phrases.includes(answer.trim()) ? answer.trim() : null}
                onChange={(p) => setAnswer(q, withQuick(answer, p, phrases))}
              />
              <Textarea
                className="field answer-text"
                {...fieldLabel(label)}
                placeholder="点上面的常用回答，或写下、说出具体情况"
                value={answer}
                maxlength={-1}
                onInput={(e) => setAnswer(q, e.detail.value)}
              />
            </Field>
          </View>
        );
      })}
      <View className="section-title">发现的问题（可不填）</View>
      <View className="muted intro">每个问题会变成一项跟进任务，出现在跟进人的任务里，直到办完。</View>
      {v.problems.map((p, i) => (
        <ProblemRow
          key={p.key}
          index={i}
          problem={p}
          owners={owners}
          visitedOn={visitedOn}
          today={today}
          error={errors[`problems.${i}.text`]}
          onChange={(patch) => setProblem(p.key, patch)}
          onRemove={() => change((x) => ({ problems: x.problems.filter((o) => o.key !== p.key) }))}
        />
      ))}
      {v.problems.length < MAX_VISIT_PROBLEMS && (
        <BigButton
          kind="secondary"
          onTap={() => change((x) => ({ problems: [...x.problems, { key: newKey(), text: '', ownerId: null, dueDate: null }] }))}
        >
          ＋ 添加一个问题
        </BigButton>
      )}
      <Field label="照片（可不拍）" hint={`最多 ${wishRules.maxPhotos} 张，不要拍身份证和门牌`}>
        <ImageUploader
          value={v.photos}
          max={wishRules.maxPhotos}
          onChange={(photos) => change({ photos })}
          onError={(message) => void overlay.toast(message, 'error')}
        />
      </Field>
      <FormError text={errors.form ?? (Object.keys(errors).length > 0 ? '还有没填好的地方，请看上面红字' : null)} />
      <BigButton
        className="submit"
        busy={busy}
        busyText={sent ? '已提交' : v.photos.length > 0 ? '正在上传照片并提交…' : '正在提交…'}
        onTap={() => void submit()}
      >
        提交走访记录
      </BigButton>
    </PageShell>
  );
}
