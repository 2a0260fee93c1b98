import { Picker, View } from '@tarojs/components';
import { useState } from 'react';
import FormError from '../../components/form-error';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { chinaDate, dateWords, monthStart } from './dates';
import { openLedger } from './open-file';
import './index.scss';
import { wishesContract } from '../../../types/wishes';

function DateField({ label, value, end, onChange }: { label: string; value: string; end: string; onChange: (d: string) => void }) {
  return (
    <Field label={label}>
      <Picker mode="date" value={value} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="field date-field" {...a11y('button', `${label}：${dateWords(value)}，点这里修改`)}>
          {dateWords(value)} ›
        </View>
      </Picker>
    </Field>
  );
}

/** 心愿台账: the wishes of a date range as an Excel file, for the village or the office's area. */
export default function Ledger() {
  const today = chinaDate();
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const submission = useSubmission();
  const overlay = useOverlay();

  const exportLedger = async () => {
    if (from > to) return setError('开始日期不能晚于结束日期');
    setError(null);
    try {
      const done = await submission.submit(`${from}:${to}`, async () => {
        const { url } = await callCloud(wishesContract, 'ledger', { from, to });
        await openLedger(url, `心愿台账_${from}_${to}.xlsx`);
      });
      if (done.sent) void overlay.toast('台账已导出', 'success');
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <PageShell className="ledger" overlay={overlay}>
      <View className="muted intro">导出这段时间里提交的心愿，每个心愿一行，写明状态和各个日期，可以用 Excel 或 WPS 打开。</View>
      <DateField label="开始日期" value={from} end={today} onChange={setFrom} />
      <DateField label="结束日期" value={to} end={today} onChange={setTo} />
      <FormError text={error} />
      <BigButton busy={submission.pending !== null} busyText="正在导出…" onTap={() => void exportLedger()}>
        导出台账
      </BigButton>
    </PageShell>
  );
}
