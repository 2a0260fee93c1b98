import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { householdLink, routes, tasksContract, type Role, type TaskDetail } from '../../../types';
import { fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import type { Overlay } from '../../components/overlay/use-overlay';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { addDays, chinaToday, formatDay } from '../../services/format';
import DateField from '../date-field';
import { completeKinds, visitKinds } from '../due';
import ReasonField, { reasonText } from '../reason-field';
import { fieldProblem } from '../../services/field-problems';

/** How far ahead a task may be moved (tasks.reschedule refuses more: TASK.BAD_DATE). */
const RESCHEDULE_MAX_DAYS = 60;
const skipReasons = ['户主外出务工', '住院治疗', '已搬离本村'];
const rescheduleReasons = ['户主暂时不在家', '住院治疗', '天气或路况不好'];

const NO_REASON = '请选一个原因，或写下原因';

type Panel = 'skip' | 'reschedule' | 'complete' | null;

/** The URL of the visit log for this task's household, the mode chosen already for a phone task. */
export const visitLogLink = (task: Pick<TaskDetail, 'id' | 'householdId' | 'kind'>): string =>
  `${routes.visitLog}?householdId=${encodeURIComponent(task.householdId ?? '')}&taskId=${encodeURIComponent(task.id)}${task.kind === 'phone' ? '&mode=phone' : ''}`;

interface Props {
  task: TaskDetail;
  role: Role | null;
  overlay: Overlay;
  /** The task changed: read it again. */
  onChanged: () => void;
}

/**
 * What may be done with an open task: 记走访 for a visit task (a cadre or helper), 完成 with a note for
 * a follow-up, township or care task, 改期 and 跳过 with a reason. An office sees only what is its own.
 */
export default function TaskActions({ task, role, overlay, onChanged }: Props) {
  const today = chinaToday();
  const [panel, setPanel] = useState<Panel>(null);
  const [chip, setChip] = useState<string | null>(null);
  const [words, setWords] = useState('');
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState(() => addDays(today, 1));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const submission = useSubmission();
  const busy = submission.pending;

  if (task.status === 'done' || task.status === 'skipped') return null;
  const office = role === 'office';
  const visit = visitKinds.has(task.kind) && task.householdId !== null && !office;
  const complete = completeKinds.has(task.kind);
  // An office does not skip or move a village's visit; it may its own township and care tasks.
  const change = !office || task.kind === 'township' || task.kind === 'care';

  const open = (next: Panel) => {
    setPanel(next);
    setChip(null);
    setWords('');
    setFieldError(undefined);
    setError(null);
  };

  const run = async (key: string, send: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      const r = await submission.submit(key, send);
      if (!r.sent) return;
      setPanel(null);
      void overlay.toast(done, 'success');
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const skip = async () => {
    const reason = reasonText(chip, words);
    const problem = reason === '' ? NO_REASON : fieldProblem(tasksContract.actions.skip.input, { id: task.id, reason }, 'reason');
    setFieldError(problem);
    if (problem) return;
    const yes = await overlay.confirm({
      title: '跳过这次走访？',
      content: `跳过的原因会记在任务里，镇里能看到：${reason}`,
      confirmText: '跳过',
      danger: true,
    });
    if (yes) await run('skip', () => callCloud(tasksContract, 'skip', { id: task.id, reason: reason.trim() }), '已跳过，原因已记下');
  };

  const reschedule = async () => {
    const reason = reasonText(chip, words);
    const problem =
      reason === '' ? NO_REASON : fieldProblem(tasksContract.actions.reschedule.input, { id: task.id, dueDate, reason }, 'reason');
    setFieldError(problem);
    if (problem) return;
    await run(
      'reschedule',
      () => callCloud(tasksContract, 'reschedule', { id: task.id, dueDate, reason: reason.trim() }),
      `已改到 ${formatDay(dueDate)} 前`,
    );
  };

  const finish = async () => {
    const problem = fieldProblem(tasksContract.actions.complete.input, { id: task.id, note }, 'note');
    setFieldError(problem);
    if (problem) return;
    await run('complete', () => callCloud(tasksContract, 'complete', { id: task.id, note: note.trim() }), '已办完，任务关闭');
  };

  return (
    <View className="task-actions">
      <FormError text={error} />
      {visit && <BigButton onTap={() => void Taro.navigateTo({ url: visitLogLink(task) })}>记走访</BigButton>}
      {task.householdId !== null && (
        <BigButton kind="secondary" onTap={() => void Taro.navigateTo({ url: householdLink(task.householdId!) })}>
          查看这一户
        </BigButton>
      )}
      {complete &&
        (panel === 'complete' ? (
          <View className="card">
            <Field label="办理情况" error={fieldError} hint="写清楚做了什么、结果怎样" count={{ value: note.trim().length, max: 200 }}>
              <Textarea
                className="field reason-text"
                {...fieldLabel('办理情况')}
                placeholder="例如：已联系镇卫生院，下周一上门看病"
                value={note}
                maxlength={-1}
                onInput={(e) => setNote(e.detail.value)}
              />
            </Field>
            <BigButton busy={busy === 'complete'} busyText="正在提交…" onTap={() => void finish()}>
              确认办完
            </BigButton>
            <BigButton kind="secondary" onTap={() => setPanel(null)}>
              先不办
            </BigButton>
          </View>
        ) : (
          <BigButton onTap={() => open('complete')}>完成</BigButton>
        ))}
      {change &&
        (panel === 'reschedule' ? (
          <View className="card">
            <DateField
              label="改到哪天前"
              value={dueDate}
              start={today}
              end={addDays(today, RESCHEDULE_MAX_DAYS)}
              hint={`最晚 ${RESCHEDULE_MAX_DAYS} 天以内`}
              onChange={setDueDate}
            />
            <ReasonField
              label="改期的原因"
              presets={rescheduleReasons}
              chip={chip}
              words={words}
              error={fieldError}
              onChip={setChip}
              onWords={setWords}
            />
            <BigButton busy={busy === 'reschedule'} busyText="正在改期…" onTap={() => void reschedule()}>
              确认改期
            </BigButton>
            <BigButton kind="secondary" onTap={() => setPanel(null)}>
              不改了
            </BigButton>
          </View>
        ) : (
          <BigButton kind="secondary" onTap={() => open('reschedule')}>
            改期
          </BigButton>
        ))}
      {change &&
        (panel === 'skip' ? (
          <View className="card">
            <ReasonField
              label="跳过的原因"
              presets={skipReasons}
              chip={chip}
              words={words}
              error={fieldError}
              onChip={setChip}
              onWords={setWords}
            />
            <BigButton kind="danger" busy={busy === 'skip'} busyText="正在跳过…" onTap={() => void skip()}>
              确认跳过
            </BigButton>
            <BigButton kind="secondary" onTap={() => setPanel(null)}>
              不跳过了
            </BigButton>
          </View>
        ) : (
          <BigButton kind="danger" onTap={() => open('skip')}>
            跳过
          </BigButton>
        ))}
    </View>
  );
}
