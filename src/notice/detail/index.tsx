import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { noticesContract } from '../../../types/notices';
import { routes } from '../../../types/routes';
import BigButton from '../../components/big-button';
import NoticeBar from '../../components/notice-bar';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import NoticeTags from '../notice-tags';
import ReadAloudButton from '../read-aloud-button';
import { spokenText, timeRange } from '../words';
import NoticeReaders from './readers';
import '../notice.scss';
import './index.scss';

const noticeId = (): string => Taro.getCurrentInstance?.()?.router?.params?.id ?? '';

/** The warning form for this warning: `action` update or cancel. */
const changeWarning = (id: string, action: 'update' | 'cancel') =>
  void Taro.navigateTo({ url: `${routes.warningEntry}?id=${encodeURIComponent(id)}&action=${action}` });

/**
 * One notice in large type, read aloud on a tap. Opening it marks it read. Staff see who of the
 * villages has read it; an office can update or lift a warning it may change.
 */
export default function NoticeDetail() {
  const [id] = useState(noticeId);
  const detail = useLoad(() => callCloud(noticesContract, 'get', { id }), { cacheKey: `notice:${id}` });
  // Back from updating or lifting the warning.
  useRefreshOnReturn(detail.reload);
  const profile = useProfile();
  useEffect(() => {
    // Read once it is open; a failure here only leaves it counted unread, to be marked next time.
    if (id) callCloud(noticesContract, 'markRead', { id }).catch(() => undefined);
  }, [id]);
  const n = detail.data;
  if (!id) {
    return (
      <PageShell className="notice-page notice-detail">
        <StateView loading={false} error="没有找到这条通知，请从通知列表里重新打开" />
      </PageShell>
    );
  }
  const range = n ? timeRange(n) : '';
  const officeMayChange = n?.kind === 'warning' && !n.cancelled && n.canSeeReaders && profile?.role === 'office';
  return (
    <PageShell className="notice-page notice-detail">
      {detail.offline && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      {n && (
        <>
          <View className={`card notice-facts ${n.kind === 'warning' && n.level ? `notice-warning level-${n.level}` : ''}`}>
            <NoticeTags notice={n} showRead={false} />
            <View className="title notice-title">{n.title}</View>
            {n.cancelled && <View className="notice-cancelled">这个预警已解除。</View>}
            {range && <View className="notice-meta">时间：{range}</View>}
            <View className="small muted notice-meta">
              {n.publisher} · <Text>{formatTime(n.publishedAt)}</Text> 发布
            </View>
            {n.canSeeReaders && n.villageNames.length > 0 && (
              <View className="small muted notice-meta">发给：{n.villageNames.join('、')}</View>
            )}
          </View>
          <ReadAloudButton text={spokenText(n)} />
          <View className="card notice-body">{n.body}</View>
          {officeMayChange && !detail.offline && (
            <View className="notice-office">
              <BigButton kind="secondary" onTap={() => changeWarning(n.id, 'update')}>
                更新预警
              </BigButton>
              <BigButton kind="danger" onTap={() => changeWarning(n.id, 'cancel')}>
                解除预警
              </BigButton>
            </View>
          )}
          {n.canSeeReaders && !detail.offline && <NoticeReaders id={n.id} />}
        </>
      )}
      <StateView loading={detail.loading && !n} error={detail.error} onRetry={detail.reload} />
    </PageShell>
  );
}
