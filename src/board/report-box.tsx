import { View } from '@tarojs/components';
import { useState } from 'react';
import { boardContract, reportReasonLabels, type ReportReason } from '../../types/board';
import BigButton from '../components/big-button';
import Chips from '../components/chips';
import Field from '../components/field';
import FormError from '../components/form-error';
import type { Overlay } from '../components/overlay/use-overlay';
import { useSubmission } from '../hooks/use-submission';
import { CloudError, callCloud, errorText } from '../services/cloud';

const reasons = (Object.entries(reportReasonLabels) as [ReportReason, string][]).map(([value, label]) => ({ value, label }));

interface Props {
  postId: string;
  overlay: Overlay;
  /** Reported (now or before): `hidden` when this report hid the post pending a cadre's review. */
  onReported: (hidden: boolean) => void;
  onClose: () => void;
}

/** 举报: choose why, then confirm; a post is reported once per person. */
export default function ReportBox({ postId, overlay, onReported, onClose }: Props) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submission = useSubmission();

  const send = async () => {
    if (reason === null) return setError('请选择举报的原因');
    setError(null);
    try {
      const done = await submission.submit(reason, () => callCloud(boardContract, 'report', { postId, reason }));
      if (!done.sent) return;
      onReported(done.value.hidden);
      void overlay.toast(done.value.hidden ? '已举报。这条留言已先隐藏，等干部处理' : '已举报，干部会看到', 'success');
    } catch (e) {
      // Reported from another phone, or an answer lost on the way: it is reported all the same.
      if (e instanceof CloudError && e.code === 'BOARD.ALREADY_REPORTED') return onReported(false);
      setError(errorText(e));
    }
  };

  return (
    <View className="board-report-box">
      <Field label="举报的原因">
        <Chips
          label="举报的原因"
          options={reasons}
          value={reason}
          onChange={(r) => {
            setReason(r);
            setError(null);
          }}
        />
      </Field>
      <FormError text={error} />
      <View className="board-buttons">
        <BigButton kind="secondary" className="board-action" onTap={onClose}>
          不举报了
        </BigButton>
        <BigButton kind="danger" className="board-action" busy={submission.pending !== null} busyText="正在举报…" onTap={() => void send()}>
          确认举报
        </BigButton>
      </View>
    </View>
  );
}
