import { Text, View } from '@tarojs/components';
import type { PolicyPreset } from '../../../types';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import FormError from '../../components/form-error';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad } from '../../hooks/use-cloud';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { formatDay } from '../../services/format';
import { useState } from 'react';
import '../visit.scss';
import './index.scss';
import { tasksContract } from '../../../types/tasks';

/**
 * A preset's rules as a region a keyboard can reach: for someone who may not switch, the page has
 * nothing to tap, and a scrolling page needs something focusable to be scrolled without a finger.
 */
const region = (label: string) => ({ ...a11y('region', label), ...(process.env.TARO_ENV === 'h5' ? { tabIndex: 0 } : {}) });

function Preset({ preset }: { preset: PolicyPreset }) {
  return (
    <View className="policy-preset" {...region(preset.label)}>
      <View className="policy-label">{preset.label}</View>
      <View className="policy-summary">
        {preset.summary.map((line) => (
          <View key={line} className="policy-line">
            · {line}
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 走访规则: the county's visit policy in force, the one chosen from next month and from when, and the
 * other presets; a county office may switch, which takes effect on the first of next month.
 */
export default function VisitPolicy() {
  const policy = useLoad(() => callCloud(tasksContract, 'policy', {}), { cacheKey: 'visit-policy' });
  const submission = useSubmission();
  const overlay = useOverlay();
  const [error, setError] = useState<string | null>(null);
  const data = policy.data;

  const choose = async (preset: PolicyPreset) => {
    setError(null);
    const yes = await overlay.confirm({
      title: `下月起用“${preset.label}”？`,
      content: '从下个月 1 日起，全县按这个规则生成走访任务；本月的任务不变。',
      confirmText: '确定',
    });
    if (!yes) return;
    try {
      const r = await submission.submit(preset.id, () => callCloud(tasksContract, 'setPolicy', { presetId: preset.id }));
      if (!r.sent) return;
      void overlay.toast(`已改好，${formatDay(r.value.from)}起执行`, 'success');
      policy.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  /** The button that chooses `preset` from next month, for a county office online. */
  const chooser = (preset: PolicyPreset, words: string) =>
    data?.canChange && !policy.offline ? (
      <BigButton
        kind="secondary"
        busy={submission.pending === preset.id}
        busyText="正在改…"
        label={`${words}：${preset.label}`}
        onTap={() => void choose(preset)}
      >
        {words}
      </BigButton>
    ) : null;

  const byId = new Map((data?.presets ?? []).map((p) => [p.id, p]));
  const current = data ? byId.get(data.current) : undefined;
  const next = data?.next ? byId.get(data.next.presetId) : undefined;
  const others = (data?.presets ?? []).filter((p) => p.id !== data?.current && p.id !== data?.next?.presetId);
  return (
    <PageShell className="visit-page visit-policy" overlay={overlay}>
      {policy.offline && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      {data && (
        <>
          {!data.canChange && <NoticeBar>走访规则由县驻村办统一设定，您可以在这里查看。</NoticeBar>}
          <View className="section-title">现在执行的规则</View>
          <View className="card">
            {current ? <Preset preset={current} /> : <Text>{data.current}</Text>}
            {data.next && current && chooser(current, '下月起仍用这个')}
          </View>
          {data.next && (
            <>
              <View className="section-title">{formatDay(data.next.from)}起改用</View>
              <View className="card">{next ? <Preset preset={next} /> : <Text>{data.next.presetId}</Text>}</View>
            </>
          )}
          {others.length > 0 && <View className="section-title">其他可选的规则</View>}
          {others.map((p) => (
            <View key={p.id} className="card">
              <Preset preset={p} />
              {chooser(p, '从下月起改用')}
            </View>
          ))}
          <FormError text={error} />
        </>
      )}
      <StateView loading={policy.loading && !data} error={policy.error} onRetry={policy.reload} />
    </PageShell>
  );
}
