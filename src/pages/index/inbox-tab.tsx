import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InboxMessage } from '../../../types';
import { a11y } from '../../components/a11y';
import PagedList from '../../components/paged-list';
import { usePaged } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { inboxContract } from '../../../types/inbox';

/** The 消息 tab: newest first; opening a message marks it read and follows its link. */
export default function InboxTab({ onRead }: { onRead: () => void }) {
  const list = usePaged((page) => callCloud(inboxContract, 'list', page), { cacheKey: 'inbox' });
  const [readNow, setReadNow] = useState<Set<string>>(new Set());

  const open = (m: InboxMessage) => {
    if (!m.read && !readNow.has(m.id)) {
      setReadNow((s) => new Set(s).add(m.id));
      onRead();
      // Marking read is best effort: the message stays readable if the network drops.
      callCloud(inboxContract, 'markRead', { ids: [m.id] }).catch(() => undefined);
    }
    if (m.link) void Taro.navigateTo({ url: m.link });
  };

  return (
    <PagedList<InboxMessage>
      list={list}
      emptyText="暂时没有消息"
      keyOf={(m) => m.id}
      render={(m) => {
        const unread = !m.read && !readNow.has(m.id);
        // Named by its own words (未读, title, body, date), which a screen reader reads in order.
        return (
          <View className={`card message ${unread ? 'is-unread' : ''}`} {...a11y('button')} onClick={() => open(m)}>
            <View className="message-head">
              {unread && <Text className="badge">未读</Text>}
              <Text className="message-title">{m.title}</Text>
            </View>
            <View>{m.body}</View>
            <View className="small muted">{formatTime(m.createdAt)}</View>
          </View>
        );
      }}
    />
  );
}
