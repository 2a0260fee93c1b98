import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { wishCategoryLabels, wishScopeLabels, wishStatusLabels, type WishDetail } from '../../../types';
import { a11y } from '../../components/a11y';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import Steps from '../../components/steps';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { wishProgress, wishStages } from '../mine/progress';
import WishActions from './actions';
import History from './history';
import './index.scss';
import { wishesContract } from '../../../types/wishes';

const wishId = (): string => Taro.getCurrentInstance?.()?.router?.params?.id ?? '';

function Photos({ urls, what }: { urls: readonly string[]; what: string }) {
  if (urls.length === 0) return null;
  return (
    <View className="wish-photos">
      {urls.map((url, i) => (
        <Image key={url} className="wish-photo" src={url} mode="aspectFill" {...a11y('img', `${what} ${i + 1}`)} />
      ))}
    </View>
  );
}

function Facts({ wish }: { wish: WishDetail }) {
  const open = wish.status === 'published';
  return (
    <View className="card">
      <View className="wish-head">
        <Text className="badge">{wishStatusLabels[wish.status]}</Text>
        <Text className="small muted">
          {wishCategoryLabels[wish.category]} · {wishScopeLabels[wish.scope]}
          {open ? ` · 已等 ${wish.daysWaiting} 天` : ''}
        </Text>
      </View>
      <View className="title wish-summary">{wish.summary}</View>
      {wish.text !== null && wish.text !== wish.summary && <View className="wish-text">原话：{wish.text}</View>}
      <View className="small muted">
        {wish.maskedName} · {wish.villageName} · {wish.value === null ? '价值未填' : `约 ${wish.value} 元`}
      </View>
      <Photos urls={wish.photoUrls} what="心愿照片" />
    </View>
  );
}

/** Who holds the wish, what was delivered and the thanks: each said in words under its own heading. */
function Progress({ wish }: { wish: WishDetail }) {
  return (
    <>
      {wish.rejectReason && <NoticeBar kind="warn">未通过的原因：{wish.rejectReason}</NoticeBar>}
      {wish.claim && (
        <View className="card">
          <View className="section-title">认领</View>
          <View>{wish.claim.mine ? '您认领了这个心愿' : `${wish.claim.claimerName} 认领了这个心愿`}</View>
          {wish.claim.dueAt && wish.status === 'claimed' && <View className="small muted">请在 {formatTime(wish.claim.dueAt)} 前送达</View>}
        </View>
      )}
      {wish.delivery && (
        <View className="card">
          <View className="section-title">送达情况</View>
          <View className="wish-text">{wish.delivery.note}</View>
          <Photos urls={wish.delivery.photoUrls} what="送达照片" />
        </View>
      )}
      {wish.thanks && (
        <View className="card">
          <View className="section-title">感谢的话</View>
          <View className="wish-text">“{wish.thanks}”</View>
        </View>
      )}
    </>
  );
}

/** One wish: where it stands, what happened to it, and what this person may do about it now. */
export default function Wish() {
  const [id] = useState(wishId);
  const detail = useLoad(() => callCloud(wishesContract, 'get', { id }), { cacheKey: `wish:${id}` });
  useRefreshOnReturn(detail.reload);
  const overlay = useOverlay();
  const wish = detail.data;
  if (!id) {
    return (
      <PageShell className="wish">
        <StateView loading={false} error="没有找到这个心愿" />
      </PageShell>
    );
  }
  return (
    <PageShell className="wish" overlay={overlay}>
      {detail.offline && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      {wish && (
        <>
          <Steps steps={wishStages} {...wishProgress(wish.status)} />
          <Facts wish={wish} />
          <Progress wish={wish} />
          {!detail.offline && <WishActions wish={wish} overlay={overlay} onChanged={detail.reload} />}
          <History events={wish.history} />
        </>
      )}
      <StateView loading={detail.loading && !wish} error={detail.error} onRetry={detail.reload} />
    </PageShell>
  );
}
