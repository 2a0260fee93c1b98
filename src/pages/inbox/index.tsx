import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InboxMessage } from '../../../types';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';

export default function Inbox() {
  const list = usePaged((page) => callCloud('inbox', 'list', page));
  useRefreshOnReturn(list.reload);
  const [readNow, setReadNow] = useState<Set<string>>(new Set());

  const open = async (m: InboxMessage) => {
    if (!m.read && !readNow.has(m.id)) {
      setReadNow((s) => new Set(s).add(m.id));
      // Marking read is best effort: the message stays readable if the network drops.
      callCloud('inbox', 'markRead', { ids: [m.id] }).catch(() => undefined);
    }
    if (m.link) void Taro.navigateTo({ url: m.link });
  };

  return (
    <PageShell>
      <PagedList<InboxMessage>
        list={list}
        emptyText="暂时没有消息"
        keyOf={(m) => m.id}
        render={(m) => {
          const unread = !m.read && !readNow.has(m.id);
          return (
            <View className="card message" onClick={() => void open(m)}>
              <View>
                {unread && <Text className="badge">未读</Text>}
                <Text className="title"> {m.title}</Text>
              </View>
              <View>{m.body}</View>
              <View className="small muted">{formatTime(m.createdAt)}</View>
            </View>
          );
        }}
      />
    </PageShell>
  );
}
