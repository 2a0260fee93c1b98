import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { consultsContract, consultTypeLabels, type ConsultDetail } from '../../../types/consults';
import { a11y } from '../../components/a11y';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import Steps from '../../components/steps';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { ConsultFlags } from '../consult-card';
import LegalAid from '../legal-aid';
import { consultStage, consultStages, dueInWords } from '../words';
import ConsultActions from './actions';
import ConfirmCard from './confirm-card';
import ConsultHistory from './history';
import ReplyBox from './reply-box';
import { useActionRunner } from './run-action';
import Thread from './thread';
import '../consult.scss';
import './index.scss';

const consultId = (): string => Taro.getCurrentInstance?.()?.router?.params?.id ?? '';

function Facts({ consult, household }: { consult: ConsultDetail; household: boolean }) {
  const due = dueInWords(consult, household);
  return (
    <View className="card consult-facts">
      <ConsultFlags consult={consult} household={household} />
      <View className="title consult-facts-type">{consultTypeLabels[consult.type]}</View>
      {!household && <View className="consult-facts-who">{consult.householdLabel}</View>}
      <View className="consult-facts-text">{consult.text}</View>
      {consult.photoUrls.length > 0 && (
        <View className="consult-photos">
          {consult.photoUrls.map((url, i) => (
            <Image key={url} className="consult-photo" src={url} mode="aspectFill" {...a11y('img', `求助照片 ${i + 1}`)} />
          ))}
        </View>
      )}
      <View className={`consult-card-due ${due.flag ? 'is-overdue' : ''}`}>{due.rest}</View>
      <View className="small muted">
        {formatTime(consult.submittedAt)} 提交{consult.enteredBy ? `（${consult.enteredBy}代为登记）` : ''} · 办理人：{consult.assignee}
      </View>
    </View>
  );
}

/** One request: where it stands, the conversation, what happened, and what this person may do now. */
export default function Consult() {
  const [id] = useState(consultId);
  // Without an id there is nothing to ask for: the page says so below.
  const detail = useLoad(() => (id ? callCloud(consultsContract, 'get', { id }) : new Promise<never>(() => undefined)), {
    cacheKey: `consult:${id}`,
  });
  /** The request as the last action answered it, until the next read. */
  const [fresh, setFresh] = useState<ConsultDetail | null>(null);
  useRefreshOnReturn(() => {
    setFresh(null);
    detail.reload();
  });
  const overlay = useOverlay();
  const runner = useActionRunner(overlay, setFresh);
  const profile = useProfile();
  const consult = fresh ?? detail.data;
  if (!id) {
    return (
      <PageShell className="consult-page consult">
        <StateView loading={false} error="没有找到这条求助" />
      </PageShell>
    );
  }
  // The household's own view: a villager, who only ever sees their own household's requests.
  const household = profile?.role === 'villager';
  const live = consult !== null && !(detail.offline && fresh === null);
  return (
    <PageShell className="consult-page consult" overlay={overlay}>
      {detail.offline && fresh === null && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      {consult && (
        <>
          <Steps steps={consultStages} current={consultStage(consult.status)} />
          {live && consult.can.confirm && <ConfirmCard consult={consult} runner={runner} />}
          <Facts consult={consult} household={household} />
          {consult.resolution && !consult.can.confirm && (
            <View className="card consult-resolution">
              <View className="section-title">办理结果</View>
              <View>
                <Text>{consult.resolution}</Text>
              </View>
            </View>
          )}
          {live && <ConsultActions consult={consult} runner={runner} overlay={overlay} />}
          {consult.legalAid && <LegalAid card={consult.legalAid} />}
          <Thread messages={consult.thread} householdSide={household} canReply={live && consult.can.reply} />
          {live && consult.can.reply && <ReplyBox id={consult.id} onSent={setFresh} />}
          <ConsultHistory events={consult.history} />
        </>
      )}
      <StateView loading={detail.loading && !consult} error={consult ? null : detail.error} onRetry={detail.reload} />
    </PageShell>
  );
}
