import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  CONSULT_TEXT_MAX,
  consultRules,
  consultsContract,
  consultTypeLabels,
  legalConsultTypes,
  type ConsultSummary,
  type ConsultType,
} from '../../../types/consults';
import { messageFor } from '../../../types/errors';
import { consultLink, routes } from '../../../types/routes';
import { visitsContract } from '../../../types/visits';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Cell, { CellGroup } from '../../components/cell';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import ImageUploader from '../../components/image-uploader';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import ReturnButton from '../../components/return-button';
import Steps from '../../components/steps';
import VoiceButton from '../../components/voice-button';
import { useLoad } from '../../hooks/use-cloud';
import { useDraft } from '../../hooks/use-draft';
import { usePhotoUpload } from '../../hooks/use-photo-upload';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { fieldProblems } from '../../services/field-problems';
import { go } from '../../services/navigate';
import { askToBeNotified } from '../../services/subscribe';
import { householdCacheKey } from '../../visit/household/keys';
import LegalAid from '../legal-aid';
import { targetInWords } from '../words';
import Consent from './consent';
import TypeGrid from './type-grid';
import '../consult.scss';
import './index.scss';

// Three characters each: four steps share a 320 px phone in 大字 without wrapping.
const stages = ['选事情', '说情况', '同意', '已交办'] as const;

type Errors = Partial<Record<'type' | 'text' | 'consent' | 'form', string>>;
const problems = (input: Record<string, unknown>): Errors => fieldProblems(consultsContract.actions.submit.input, input);

/** The legal-aid card, for legal and dispute requests only. */
function LegalCard() {
  const card = useLoad(() => callCloud(consultsContract, 'legalCard', {}), { cacheKey: 'legal-card' });
  return card.data ? <LegalAid card={card.data} /> : null;
}

/** "为 王秀兰（一组 1 号）家求助": a cadre always sees for whom they ask. */
function ForHousehold({ householdId }: { householdId: string }) {
  const page = useLoad(() => callCloud(visitsContract, 'household', { householdId }), { cacheKey: householdCacheKey(householdId) });
  const h = page.data?.household;
  return (
    <NoticeBar>
      为 <Text className="consult-for">{h ? `${h.headName}（${h.address}）` : '这一户'}</Text> 家求助，登记后本村驻村干部都能看到。
    </NoticeBar>
  );
}

function Done({ done, householdId }: { done: ConsultSummary; householdId: string }) {
  return (
    <View>
      <View className="card consult-done" {...a11y('status')}>
        <View className="title">✓ 已经交给驻村干部了</View>
        <View>
          “{consultTypeLabels[done.type]}”由<Text className="consult-done-who">{done.assignee}</Text>办理。
        </View>
        <View className="consult-done-when">{targetInWords(done.type)}。</View>
        <View className="small muted">有了回音会在“消息”里告诉您，也可以在“我的求助”里看进度。</View>
      </View>
      <BigButton onTap={() => void Taro.redirectTo({ url: consultLink(done.id) })}>查看这条求助</BigButton>
      <ReturnButton householdId={householdId} />
    </View>
  );
}

/**
 * 找干部帮忙: a villager asks the village's cadres for help or a proxy service (爱心代办), in three
 * steps: what kind, what it is about, and an explicit consent that cadres act on the household's
 * behalf. A cadre enters a request for a household with `?householdId=`.
 */
export default function ConsultNew() {
  const [householdId] = useState(() => Taro.getCurrentInstance?.()?.router?.params?.householdId ?? '');
  const staff = householdId !== '';
  const form = `consult-new:${householdId || 'mine'}`;
  // Photos are local paths until the request is sent.
  const draft = useDraft<{ type: ConsultType | null; text: string; photos: string[]; consent: boolean }>(form, {
    type: null,
    text: '',
    photos: [],
    consent: false,
  });
  const { type, text, photos, consent } = draft.values;
  const [step, setStep] = useState<0 | 1 | 2>(() => (draft.values.type ? 1 : 0));
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<ConsultSummary | null>(null);
  const submission = useSubmission(form);
  const upload = usePhotoUpload();
  const overlay = useOverlay();

  const inputOf = (t: ConsultType | null, words: string) => ({ type: t ?? undefined, text: words, consent: true });
  const setText = (value: string) => {
    draft.set({ text: value });
    if (errors.text) setErrors((x) => ({ ...x, text: problems(inputOf(type, value)).text }));
  };
  const choose = (chosen: ConsultType) => {
    draft.set({ type: chosen });
    setErrors({});
    setStep(1);
  };
  const setConsent = (yes: boolean) => {
    draft.set({ consent: yes });
    if (yes) setErrors((x) => ({ ...x, consent: undefined }));
  };
  const next = () => {
    const found = problems(inputOf(type, text));
    setErrors(found);
    if (found.type) return setStep(0);
    if (!found.text) setStep(2);
  };

  const askedToNotify = useRef(false);
  const send = async () => {
    // Said at the box itself, and nothing leaves the phone: the function would refuse it anyway.
    if (!consent) return setErrors({ consent: messageFor('CONSULT.NO_CONSENT') });
    const parsed = consultsContract.actions.submit.input.safeParse({ ...inputOf(type, text), ...(staff ? { householdId } : {}) });
    if (!parsed.success) return setStep(1);
    // Still inside the tap, where WeChat lets the app ask: the answer, and 问题解决了吗？, can then
    // reach the villager in WeChat too, not only in 消息. Staff asking for a household are not asked.
    if (!staff && !askedToNotify.current) {
      askedToNotify.current = true;
      askToBeNotified();
    }
    setErrors({});
    const input = parsed.data;
    try {
      // The same request is the same content: a retry after a lost answer, even after a restart, creates it once.
      const done = await submission.submit(JSON.stringify([input, photos]), async (requestId) => {
        const ids = photos.length > 0 ? await upload(photos) : [];
        return callCloud(consultsContract, 'submit', { ...input, ...(ids.length > 0 ? { photos: ids } : {}), requestId });
      });
      if (!done.sent) return;
      draft.clear();
      setDone(done.value);
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };

  const legal = type !== null && legalConsultTypes.includes(type);
  const consentText = staff
    ? '这一户已同意由驻村干部代为办理，并为此使用他家的相关信息'
    : '我同意由驻村干部代为办理，并为此使用我家的相关信息';

  return (
    <PageShell className="consult-page consult-new" overlay={overlay}>
      <Steps steps={stages} current={done ? stages.length : step} />
      {staff && !done && <ForHousehold householdId={householdId} />}
      {done ? (
        <Done done={done} householdId={householdId} />
      ) : step === 0 ? (
        <View>
          <View className="muted intro">
            {staff ? '这一户要办什么事？点一下选择。' : '您要办什么事？点一下选择，驻村干部会帮您办或者帮您问。'}
          </View>
          {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
          <FormError text={errors.type} />
          <TypeGrid value={type} onChoose={choose} />
          <CellGroup>
            <Cell title="法律援助便民服务卡" detail="12348 热线、县法律援助中心、司法所的电话" onTap={go(routes.legalCard)} />
          </CellGroup>
        </View>
      ) : step === 1 ? (
        <View>
          <View className="card consult-chosen">
            <View className={`type-icon type-icon-${type} consult-chosen-icon`} />
            <View className="consult-chosen-name">{type ? consultTypeLabels[type] : ''}</View>
            <View className="consult-chosen-change" {...a11y('button')} onClick={() => setStep(0)}>
              换一件事
            </View>
          </View>
          {draft.restored && <NoticeBar>已填好您上次没有提交的内容，可以接着写。</NoticeBar>}
          {legal && <LegalCard />}
          <Field
            label="说说情况"
            error={errors.text}
            hint="说清楚要办什么、什么时候要"
            count={{ value: text.trim().length, max: CONSULT_TEXT_MAX }}
            extra={<VoiceButton field="情况说明" onText={(said) => setText(text + said)} />}
          >
            <Textarea
              className="field consult-text"
              {...fieldLabel('情况说明')}
              placeholder="例如：老伴下周要去县医院看病，想请干部帮忙挂号"
              value={text}
              maxlength={-1}
              onInput={(e) => setText(e.detail.value)}
            />
          </Field>
          <Field label="照片（可不拍）" hint={`最多 ${consultRules.maxPhotos} 张，例如要填的表、病历。只有办事的干部能看到`}>
            <ImageUploader
              value={photos}
              max={consultRules.maxPhotos}
              onChange={(paths) => draft.set({ photos: paths })}
              onError={(message) => void overlay.toast(message, 'error')}
            />
          </Field>
          <BigButton onTap={next}>下一步</BigButton>
        </View>
      ) : (
        <View>
          <View className="card consult-confirm">
            <View className="section-title">请确认要请干部办的事</View>
            <View className="consult-confirm-type title">{type ? consultTypeLabels[type] : ''}</View>
            <View className="consult-confirm-text">{text.trim()}</View>
            {photos.length > 0 && <View className="small muted">附 {photos.length} 张照片</View>}
          </View>
          <Consent checked={consent} onChange={setConsent} text={consentText} error={errors.consent} />
          <View className="muted intro">{type ? targetInWords(type) : ''}。有了回音会在“消息”里告诉您。</View>
          <FormError text={errors.form} />
          <BigButton
            busy={submission.pending !== null}
            busyText={photos.length > 0 ? '正在上传照片并提交…' : '正在提交…'}
            onTap={() => void send()}
          >
            提交，请干部帮忙
          </BigButton>
          <BigButton kind="secondary" onTap={() => setStep(1)}>
            返回修改
          </BigButton>
        </View>
      )}
    </PageShell>
  );
}
