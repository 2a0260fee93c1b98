import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { consultsContract, type ConsultDetail } from '../../../types/consults';
import { fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { fieldProblem } from '../../services/field-problems';
import VoiceButton from '../../components/voice-button';

const REPLY_MAX = 500;

/** Writing into the thread, by voice too; one request id per message, so a retry does not post it twice. */
export default function ReplyBox({ id, onSent }: { id: string; onSent: (next: ConsultDetail) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submission = useSubmission();
  const problem = (value: string) => fieldProblem(consultsContract.actions.reply.input, { id, text: value }, 'text');

  const send = async () => {
    const found = problem(text);
    setError(found);
    if (found) return;
    try {
      const r = await submission.submit(text.trim(), (requestId) =>
        callCloud(consultsContract, 'reply', { id, text: text.trim(), requestId }),
      );
      if (!r.sent) return;
      setText('');
      onSent(r.value);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const change = (value: string) => {
    setText(value);
    if (error) setError(problem(value));
  };

  return (
    <View className="reply-box">
      <Field
        label="留言"
        error={error}
        count={{ value: text.trim().length, max: REPLY_MAX }}
        extra={<VoiceButton field="留言" onText={(said) => change(text + said)} />}
      >
        <Textarea
          className="field consult-action-text"
          {...fieldLabel('留言')}
          placeholder="有什么要说的，写在这里"
          value={text}
          maxlength={-1}
          onInput={(e) => change(e.detail.value)}
        />
      </Field>
      <BigButton busy={submission.pending !== null} busyText="正在发送…" onTap={() => void send()}>
        发送留言
      </BigButton>
    </View>
  );
}
