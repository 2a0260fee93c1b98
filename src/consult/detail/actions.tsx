import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { consultsContract, type ConsultAssignee, type ConsultDetail } from '../../../types/consults';
import { fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import type { Overlay } from '../../components/overlay/use-overlay';
import StateView from '../../components/state-view';
import { useLoad } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { fieldProblem } from '../../services/field-problems';
import type { ActionRunner } from './run-action';

const NOTE_MAX = 200;
const RESOLUTION_MAX = 300;

/** 赵明远（第一书记）, or 石桥镇驻村办 李华（驻村办） for an office user. */
export const assigneeWords = (a: ConsultAssignee): string => `${a.name}（${a.title ?? (a.role === 'office' ? '驻村办' : '驻村干部')}）`;

/** 转交: whom to (another cadre of the village or the township office), an optional note, then a confirmation. */
function Handover({ id, runner, overlay, onClose }: { id: string; runner: ActionRunner; overlay: Overlay; onClose: () => void }) {
  const people = useLoad(() => callCloud(consultsContract, 'assignees', { id }));
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [toError, setToError] = useState<string | undefined>();
  const options = (people.data?.items ?? []).map((a) => ({ value: a.memberId, label: assigneeWords(a) }));
  const send = async () => {
    const chosen = people.data?.items.find((a) => a.memberId === to);
    if (!chosen) return setToError('请选择转交给谁');
    const yes = await overlay.confirm({
      title: `转交给${chosen.name}？`,
      content: '转交后由对方受理和办理，群众会收到通知。',
      confirmText: '转交',
    });
    if (!yes) return;
    const ok = await runner.run(
      'assign',
      () => callCloud(consultsContract, 'assign', { id, toMemberId: chosen.memberId, ...(note.trim() ? { note: note.trim() } : {}) }),
      `已转交给${chosen.name}`,
    );
    if (ok) onClose();
  };
  return (
    <View className="card consult-action-card consult-handover">
      <StateView
        loading={people.loading && !people.data}
        error={people.error}
        empty={people.data !== null && options.length === 0}
        emptyText="本村和镇里没有可以转交的人"
        onRetry={people.reload}
      />
      {options.length > 0 && (
        <>
          <Field label="转交给" error={toError}>
            <Chips
              label="转交给"
              options={options}
              value={to}
              onChange={(v) => {
                setTo(v);
                setToError(undefined);
              }}
            />
          </Field>
          <Field label="说明（可不填）" count={{ value: note.trim().length, max: NOTE_MAX }}>
            <Textarea
              className="field consult-action-text"
              {...fieldLabel('转交说明')}
              placeholder="例如：这件事要镇里民政办出面"
              value={note}
              maxlength={-1}
              onInput={(e) => setNote(e.detail.value)}
            />
          </Field>
          <BigButton busy={runner.busy === 'assign'} busyText="正在转交…" onTap={() => void send()}>
            转交
          </BigButton>
        </>
      )}
      <BigButton kind="secondary" onTap={onClose}>
        不转交了
      </BigButton>
    </View>
  );
}

/** 办结: what was done, which the household reads with 问题解决了吗？ */
function Resolve({ id, runner, onClose }: { id: string; runner: ActionRunner; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const problem = (value: string) => fieldProblem(consultsContract.actions.resolve.input, { id, note: value }, 'note');
  const send = async () => {
    const found = problem(note);
    setError(found);
    if (found) return;
    const ok = await runner.run('resolve', () => callCloud(consultsContract, 'resolve', { id, note: note.trim() }), '已办结，等群众确认');
    if (ok) onClose();
  };
  return (
    <View className="card consult-action-card">
      <Field
        label="办理结果"
        error={error}
        hint="群众会看到这句话，并回答问题解决了没有"
        count={{ value: note.trim().length, max: RESOLUTION_MAX }}
      >
        <Textarea
          className="field consult-action-text"
          {...fieldLabel('办理结果')}
          placeholder="例如：已帮忙挂好县医院周三上午的号"
          value={note}
          maxlength={-1}
          onInput={(e) => {
            setNote(e.detail.value);
            if (error) setError(problem(e.detail.value));
          }}
        />
      </Field>
      <BigButton busy={runner.busy === 'resolve'} busyText="正在办结…" onTap={() => void send()}>
        确认办结
      </BigButton>
      <BigButton kind="secondary" onTap={onClose}>
        还没办完
      </BigButton>
    </View>
  );
}

interface Props {
  consult: ConsultDetail;
  runner: ActionRunner;
  overlay: Overlay;
}

/** What a cadre or office may do now, and only that (`can`): 受理, 转交, 办结. */
export default function ConsultActions({ consult, runner, overlay }: Props) {
  const [open, setOpen] = useState<'assign' | 'resolve' | null>(null);
  const { id, can } = consult;
  if (!can.accept && !can.assign && !can.resolve) return null;
  const accept = () => void runner.run('accept', () => callCloud(consultsContract, 'accept', { id }), '已受理，请尽快联系群众');
  return (
    <View className="consult-actions">
      <FormError text={runner.error} />
      {open === 'assign' ? (
        <Handover id={id} runner={runner} overlay={overlay} onClose={() => setOpen(null)} />
      ) : open === 'resolve' ? (
        <Resolve id={id} runner={runner} onClose={() => setOpen(null)} />
      ) : (
        <>
          {can.accept && (
            <BigButton busy={runner.busy === 'accept'} busyText="正在受理…" onTap={accept}>
              受理
            </BigButton>
          )}
          {can.resolve && <BigButton onTap={() => setOpen('resolve')}>办结</BigButton>}
          {can.assign && (
            <BigButton kind="secondary" onTap={() => setOpen('assign')}>
              转交
            </BigButton>
          )}
        </>
      )}
    </View>
  );
}
