import { Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import {
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  noticesContract,
  urgentWarningLevels,
  warningLevelLabels,
  type Notice,
  type WarningLevel,
} from '../../../types/notices';
import { noticeLink, routes } from '../../../types/routes';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import VoiceButton from '../../components/voice-button';
import { useLoad } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { fieldProblems } from '../../services/field-problems';
import NoticeTags from '../notice-tags';
import VillagePicker from '../village-picker';
import WhenField, { instantOf, nextDay, whenOf, type When } from '../when-field';
import { timeRange, warningLevels, warningTitle, warningTypes } from '../words';
import '../notice.scss';
import './index.scss';

type Mode = 'new' | 'update' | 'cancel';

interface Values {
  type: string | null;
  level: WarningLevel | null;
  title: string;
  /** The title was typed by hand: a change of type or level no longer rewrites it. */
  titleTyped: boolean;
  text: string;
  start: When;
  end: When;
  villageIds: string[] | null;
}

const typeOptions = warningTypes.map((t) => ({ value: t, label: t }));
const levelOptions = warningLevels.map((l) => ({ value: l, label: warningLevelLabels[l] }));

const params = () => Taro.getCurrentInstance?.()?.router?.params ?? {};

function inputOf(v: Values, mode: Mode, id: string) {
  return {
    type: v.type ?? '',
    level: v.level ?? undefined,
    title: v.title,
    text: v.text,
    start: instantOf(v.start),
    end: instantOf(v.end),
    ...(mode === 'new' && v.villageIds ? { villageIds: v.villageIds } : {}),
    ...(mode === 'new' ? {} : { status: mode, sourceId: id }),
  };
}

function problemsOf(v: Values, mode: Mode, id: string): Record<string, string> {
  const found = fieldProblems(noticesContract.actions.enterWarning.input, inputOf(v, mode, id));
  if (!v.type) found.type = '请选择预警种类';
  return found;
}

const valuesOf = (n: Notice): Partial<Values> => ({
  type: n.warningType ?? null,
  level: n.level ?? null,
  title: n.title,
  titleTyped: true,
  text: n.body,
  ...(n.start ? { start: whenOf(n.start) } : {}),
  ...(n.end ? { end: whenOf(n.end) } : {}),
});

const doneWords: Record<Mode, string> = { new: '✓ 预警已发布', update: '✓ 预警已更新', cancel: '✓ 预警已解除' };

/**
 * 发布预警: an office relays a severe-weather warning it got by phone or fax to its villages. With
 * `?id=` it updates (`action=update`) or lifts (`action=cancel`) a warning published before. Orange
 * and red go to every user at once, so the office confirms those first.
 */
export default function WarningEntry() {
  const [{ id, mode }] = useState((): { id: string; mode: Mode } => {
    const p = params();
    const id = p.id ?? '';
    return { id, mode: id ? (p.action === 'cancel' ? 'cancel' : 'update') : 'new' };
  });
  const earlier = useLoad(() => (id ? callCloud(noticesContract, 'get', { id }) : Promise.resolve(null)));
  const draft = useDraft<Values>(`warning-entry:${id || 'new'}`, {
    type: null,
    level: null,
    title: '',
    titleTyped: false,
    text: '',
    ...nextDay(),
    villageIds: null,
  });
  const values = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Notice | null>(null);
  const submission = useSubmission(`warning-entry:${id || 'new'}`);
  const overlay = useOverlay();

  // An update starts from the warning as it stands, unless a draft of the update was kept.
  const filled = useRef(draft.restored);
  useEffect(() => {
    if (earlier.data && !filled.current) {
      filled.current = true;
      draft.set(valuesOf(earlier.data));
    }
  }, [earlier.data, draft]);

  const change = (patch: Partial<Values>) => {
    const next = { ...values, ...patch };
    // The title follows the type and level, as a weather office titles a warning, until typed by hand.
    if (!next.titleTyped && next.type && next.level && ('type' in patch || 'level' in patch))
      next.title = warningTitle(next.type, next.level);
    draft.set(next);
    const now = problemsOf(next, mode, id);
    setErrors((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k === 'form' || now[k] !== undefined)));
  };

  const send = async () => {
    const found = problemsOf(values, mode, id);
    setErrors(found);
    const parsed = noticesContract.actions.enterWarning.input.safeParse(inputOf(values, mode, id));
    if (Object.keys(found).length > 0 || !parsed.success) return;
    const level = parsed.data.level;
    if (mode === 'cancel') {
      const yes = await overlay.confirm({
        title: '解除这个预警？',
        content: '解除后，村民会看到这个预警“已解除”，它不再排在通知最上面。',
        confirmText: '解除预警',
        danger: true,
      });
      if (!yes) return;
    } else if (urgentWarningLevels.includes(level)) {
      const yes = await overlay.confirm({
        title: `发布${warningLevelLabels[level]}？`,
        content: `${warningLevelLabels[level]}会马上发给所选各村用小程序的每一个人，并告诉驻村干部谁还没看，请他们打电话或用大喇叭通知。`,
        confirmText: '马上发布',
      });
      if (!yes) return;
    }
    try {
      const sent = await submission.submit(JSON.stringify(parsed.data), (requestId) =>
        callCloud(noticesContract, 'enterWarning', { ...parsed.data, requestId }),
      );
      if (!sent.sent) return;
      draft.clear();
      setDone(sent.value);
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  if (done) {
    return (
      <PageShell className="notice-page warning-entry">
        <View className="card notice-sent" {...a11y('status')}>
          <View className="title">{doneWords[mode]}</View>
          <View>“{done.title}”</View>
        </View>
        <BigButton onTap={() => void Taro.redirectTo({ url: noticeLink(done.id) })}>看看谁读了</BigButton>
        <BigButton kind="secondary" onTap={() => void Taro.reLaunch({ url: routes.home })}>
          回到首页
        </BigButton>
      </PageShell>
    );
  }

  const old = earlier.data;
  if (id && !old) {
    return (
      <PageShell className="notice-page warning-entry">
        <StateView loading={earlier.loading} error={earlier.error} onRetry={earlier.reload} />
      </PageShell>
    );
  }

  if (mode === 'cancel' && old) {
    return (
      <PageShell className="notice-page warning-entry" overlay={overlay}>
        <View className="muted intro">预警结束了，或者气象台取消了预警，就解除它。</View>
        <View className={`card notice-warning level-${old.level ?? 'red'}`}>
          <NoticeTags notice={old} showRead={false} />
          <View className="title notice-title">{old.title}</View>
          {timeRange(old) && <View className="notice-meta">时间：{timeRange(old)}</View>}
        </View>
        <FormError text={errors.form ?? Object.values(errors)[0]} />
        <BigButton kind="danger" busy={submission.pending !== null} busyText="正在解除…" onTap={() => void send()}>
          解除预警
        </BigButton>
      </PageShell>
    );
  }

  return (
    <PageShell className="notice-page warning-entry" overlay={overlay}>
      <View className="muted intro">
        {mode === 'update' ? '改好后发布，村民看到的预警会换成新的内容。' : '把气象台发来的预警（电话、传真）转发给各村。'}
      </View>
      {draft.restored && <NoticeBar>已填好您上次没有发布的内容，可以接着写。</NoticeBar>}
      <Field label="预警种类" error={errors.type}>
        <Chips label="预警种类" options={typeOptions} value={values.type} onChange={(v) => change({ type: v })} />
      </Field>
      <Field label="预警等级" error={errors.level} hint="橙色和红色预警会马上发给每一个人">
        <Chips label="预警等级" options={levelOptions} value={values.level} onChange={(v) => change({ level: v })} />
      </Field>
      <Field label="标题" error={errors.title} count={{ value: values.title.trim().length, max: NOTICE_TITLE_MAX }}>
        <Input
          className="field"
          {...fieldLabel('预警标题')}
          placeholder="选好种类和等级后自动填写"
          value={values.title}
          maxlength={-1}
          onInput={(e) => change({ title: e.detail.value, titleTyped: e.detail.value.trim() !== '' })}
        />
      </Field>
      <Field
        label="预警内容"
        error={errors.text}
        count={{ value: values.text.trim().length, max: NOTICE_BODY_MAX }}
        extra={<VoiceButton field="预警内容" onText={(said) => draft.set((v) => ({ text: v.text + said }))} />}
      >
        <Textarea
          className="field warning-text"
          {...fieldLabel('预警内容')}
          placeholder="例如：预计未来 6 小时有 100 毫米以上降水，请转移低洼处群众，停止田间作业"
          value={values.text}
          maxlength={-1}
          onInput={(e) => change({ text: e.detail.value })}
        />
      </Field>
      <WhenField label="开始时间" value={values.start} error={errors.start} onChange={(start) => change({ start })} />
      <WhenField label="结束时间" value={values.end} error={errors.end} onChange={(end) => change({ end })} />
      {mode === 'new' ? (
        <VillagePicker value={values.villageIds} onChange={(v) => change({ villageIds: v })} error={errors.villageIds} />
      ) : (
        old && <View className="muted intro">发给：{old.villageNames.join('、')}</View>
      )}
      <FormError text={errors.form} />
      <BigButton busy={submission.pending !== null} busyText="正在发布…" onTap={() => void send()}>
        {mode === 'update' ? '发布更新' : '发布预警'}
      </BigButton>
    </PageShell>
  );
}
