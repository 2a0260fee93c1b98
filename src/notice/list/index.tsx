import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { noticeLink } from '../../../types/routes';
import { noticesContract, type Notice } from '../../../types/notices';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { askToBeNotified, canAskToBeNotified } from '../../services/subscribe';
import NoticeTags from '../notice-tags';
import { timeRange } from '../words';
import '../notice.scss';
import './index.scss';

const open = (n: Notice) => void Taro.navigateTo({ url: noticeLink(n.id) });

/** An active warning: a big card in its level's colour, the level and type in words, and when it applies. */
function WarningCard({ notice }: { notice: Notice }) {
  return (
    <View
      className={`card notice-warning level-${notice.level ?? 'red'}`}
      // Named by its own words (level, type, 未读, title, time), read in order.
      {...a11y('button')}
      onClick={() => open(notice)}
    >
      <NoticeTags notice={notice} />
      <View className="title notice-title">{notice.title}</View>
      {timeRange(notice) && <View className="notice-meta">时间：{timeRange(notice)}</View>}
      <View className="small muted notice-meta">{notice.publisher}发布</View>
    </View>
  );
}

function NoticeRow({ notice }: { notice: Notice }) {
  return (
    <View className={`card notice-row ${notice.read ? '' : 'is-unread'}`} {...a11y('button')} onClick={() => open(notice)}>
      <NoticeTags notice={notice} />
      <View className="notice-title notice-row-title">{notice.title}</View>
      <View className="small muted notice-meta">
        {notice.publisher} · <Text>{formatTime(notice.publishedAt)}</Text>
      </View>
    </View>
  );
}

/** 通知: active weather warnings on top as big cards, then every notice newest first. */
export default function NoticeList() {
  const [unread, setUnread] = useState<number | null>(null);
  const list = usePaged(
    async (page) => {
      const answer = await callCloud(noticesContract, 'list', page);
      if (page.cursor === undefined) setUnread(answer.unread);
      return answer;
    },
    { cacheKey: 'notices' },
  );
  // Back from a notice: it now reads as read.
  useRefreshOnReturn(list.reload);
  // WeChat sends a subscription message only for an acceptance given by a tap, one message each:
  // here a villager can give one for the next orange or red warning, which cannot wait for 消息.
  const [asked, setAsked] = useState(false);
  return (
    <PageShell className="notice-page notice-list">
      {unread !== null && unread > 0 && (
        <View className="intro notice-unread-count" {...a11y('status')}>
          您有 {unread} 条通知没有看
        </View>
      )}
      {canAskToBeNotified() &&
        (asked ? (
          <View className="intro" {...a11y('status')}>
            好的，下一次有橙色、红色预警时会在微信里提醒您。
          </View>
        ) : (
          <BigButton
            kind="secondary"
            onTap={() => {
              askToBeNotified();
              setAsked(true);
            }}
          >
            有大的天气预警时，在微信里提醒我
          </BigButton>
        ))}
      <PagedList<Notice>
        list={list}
        emptyText="还没有通知。村里和乡镇发的通知、节气农事提醒和天气预警，都会在这里。"
        keyOf={(n) => n.id}
        render={(n) => (n.kind === 'warning' && n.active ? <WarningCard notice={n} /> : <NoticeRow notice={n} />)}
      />
    </PageShell>
  );
}
