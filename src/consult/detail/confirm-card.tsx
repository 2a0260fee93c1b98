import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { consultsContract, type ConsultDetail } from '../../../types/consults';
import { messageFor } from '../../../types/errors';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import { CloudError, callCloud } from '../../services/cloud';
import type { ActionRunner } from './run-action';

const REASON_MAX = 300;

/** 问题解决了吗？ The household's answer to a resolved request: yes closes it, no reopens it with the reason. */
export default function ConfirmCard({ consult, runner }: { consult: ConsultDetail; runner: ActionRunner }) {
  const [unsolved, setUnsolved] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { id } = consult;

  const solved = () =>
    void runner.run('solved', () => callCloud(consultsContract, 'confirm', { id, solved: true }), '谢谢您的确认，这件事办完了');
  const notSolved = async () => {
    // Said at the field, and nothing sent: the function would ask for it too.
    if (reason.trim() === '') return setReasonError(messageFor('CONSULT.NEED_REASON'));
    if (reason.trim().length > REASON_MAX) return setReasonError(`最多 ${REASON_MAX} 个字`);
    setReasonError(undefined);
    await runner.run(
      'unsolved',
      () => callCloud(consultsContract, 'confirm', { id, solved: false, reason: reason.trim() }),
      '已告诉干部，会接着帮您办',
      (e) => {
        if (!(e instanceof CloudError && e.code === 'CONSULT.NEED_REASON')) return false;
        setReasonError(e.message);
        return true;
      },
    );
  };

  return (
    <View className="card confirm-card" {...a11y('region', '问题解决了吗？')}>
      <View className="title confirm-card-title">问题解决了吗？</View>
      {consult.resolution && <View className="confirm-card-note">干部说：“{consult.resolution}”</View>}
      <FormError text={runner.error} />
      {unsolved ? (
        <View>
          <Field label="还有什么没解决" error={reasonError} count={{ value: reason.trim().length, max: REASON_MAX }}>
            <Textarea
              className="field consult-action-text"
              {...fieldLabel('还有什么没解决')}
              placeholder="例如：表填好了，但是还没交上去"
              value={reason}
              maxlength={-1}
              onInput={(e) => {
                setReason(e.detail.value);
                if (reasonError && e.detail.value.trim() !== '') setReasonError(undefined);
              }}
            />
          </Field>
          <BigButton busy={runner.busy === 'unsolved'} busyText="正在告诉干部…" onTap={() => void notSolved()}>
            告诉干部接着办
          </BigButton>
          <BigButton kind="secondary" onTap={() => setUnsolved(false)}>
            返回
          </BigButton>
        </View>
      ) : (
        <View className="confirm-card-answers">
          <BigButton busy={runner.busy === 'solved'} busyText="正在确认…" onTap={solved}>
            解决了
          </BigButton>
          <BigButton kind="secondary" onTap={() => setUnsolved(true)}>
            没解决
          </BigButton>
        </View>
      )}
    </View>
  );
}
