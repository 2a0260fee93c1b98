import { Text, Textarea, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { noticesContract, type TermPreview } from '../../../types/notices';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import NoticeBar from '../../components/notice-bar';
import { useOverlay, type Overlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import VoiceButton from '../../components/voice-button';
import { useLoad } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud, errorText } from '../../services/cloud';
import { chinaToday, daysBetween, formatDay } from '../../services/format';
import '../notice.scss';
import './index.scss';

/** The longest local note the contract takes. */
export const TERM_NOTE_MAX = 200;

/** "12月21日（还有 5 天）", or that the day has come. */
function dayWords(p: TermPreview, today: string): string {
  const left = daysBetween(today, p.date);
  if (left > 0) return `${formatDay(p.date, today)}（还有 ${left} 天）`;
  return left === 0 ? `${formatDay(p.date, today)}（就是今天）` : formatDay(p.date, today);
}

function NoteForm({ preview, onSaved, overlay }: { preview: TermPreview; onSaved: (p: TermPreview) => void; overlay: Overlay }) {
  const [note, setNote] = useState(preview.localNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const save = async () => {
    if (inFlight.current) return;
    if (note.trim().length > TERM_NOTE_MAX) return setError(`本村说明最多 ${TERM_NOTE_MAX} 个字`);
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      // Setting a note is idempotent (the same note twice is one note): no request id needed.
      const saved = await callCloud(noticesContract, 'setTermNote', { termId: preview.termId, year: preview.year, note: note.trim() });
      onSaved(saved);
      void overlay.toast(note.trim() ? '本村说明已保存，节气当天随提醒一起发出' : '本村说明已删去', 'success');
    } catch (e) {
      setError(errorText(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return (
    <View className="term-note">
      <Field
        label="本村说明（可不写）"
        hint="例如本村的地块、水源、统一打药的时间，会加在提醒后面一起发出"
        count={{ value: note.trim().length, max: TERM_NOTE_MAX }}
        extra={<VoiceButton field="本村说明" onText={(said) => setNote((n) => n + said)} />}
      >
        <Textarea
          className="field term-note-input"
          {...fieldLabel('本村说明')}
          placeholder="例如：本村东片麦田 12 月 25 日统一浇越冬水"
          value={note}
          maxlength={-1}
          onInput={(e) => setNote(e.detail.value)}
        />
      </Field>
      <FormError text={error} />
      <BigButton busy={busy} busyText="正在保存…" onTap={() => void save()}>
        保存本村说明
      </BigButton>
    </View>
  );
}

/**
 * 节气农事: the coming solar term's farming notice as it will go out on the morning of its day. A
 * cadre adds a line for the village's own fields before then; an office reads what its villages get.
 */
export default function TermPreviewPage() {
  const loaded = useLoad(() => callCloud(noticesContract, 'previewTerm', {}), { cacheKey: 'term-preview' });
  /** The preview as the last saved note left it, over the one loaded. */
  const [saved, setPreview] = useState<TermPreview | null>(null);
  const profile = useProfile();
  const overlay = useOverlay();
  const today = chinaToday();
  const p = saved ?? loaded.data;
  return (
    <PageShell className="notice-page term-preview" overlay={overlay}>
      {loaded.offline && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      {p && (
        <>
          <View className="card term-head">
            <View className="notice-tags">
              <Text className="notice-tag">农事提醒</Text>
              <Text className={`notice-tag ${p.published ? '' : 'is-over'}`}>{p.published ? '已发出' : '还没发出'}</Text>
            </View>
            <View className="title term-name">{p.termName}</View>
            <View>{dayWords(p, today)}</View>
            <View className="small muted notice-meta">
              {p.regionLabel} · {p.published ? '已在节气当天早上发给各村' : '节气当天早上自动发给各村'}
            </View>
          </View>
          <View className="card term-body">
            <View className="title notice-title">{p.title}</View>
            <View className="section-title">农事建议</View>
            <View className="term-text">{p.advice}</View>
            <View className="section-title">要防的灾害和病虫</View>
            <View className="term-text">{p.risks}</View>
            {p.localNote && (
              <View className="term-local" {...a11y('note', '本村说明')}>
                <View className="section-title">本村说明</View>
                <View className="term-text">{p.localNote}</View>
              </View>
            )}
          </View>
          {profile?.role === 'cadre' && !p.published && !loaded.offline && (
            <NoteForm key={`${p.termId}:${p.year}`} preview={p} onSaved={setPreview} overlay={overlay} />
          )}
          {profile?.role === 'cadre' && p.published && <View className="muted intro">这个节气的提醒已经发出，不能再加本村说明了。</View>}
        </>
      )}
      <StateView loading={loaded.loading && !p} error={loaded.error} onRetry={loaded.reload} />
    </PageShell>
  );
}
