import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { noticesContract, type Readers } from '../../../types/notices';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import StateView from '../../components/state-view';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';

type Unread = Readers['unread'][number];

function Person({ person, manyVillages }: { person: Unread; manyVillages: boolean }) {
  return (
    <View className="reader" {...a11y('listitem')}>
      <View className="reader-who">
        <Text className="reader-name">{person.name}</Text>
        <Text className="small muted">
          {' '}
          {manyVillages ? `${person.villageName} · ` : ''}
          {person.label}
        </Text>
        {!person.bound && <Text className="notice-tag reader-unbound">未绑定</Text>}
      </View>
      {person.phone && (
        <BigButton
          kind="secondary"
          className="reader-call"
          label={`打电话给${person.name}`}
          onTap={() => void Taro.makePhoneCall({ phoneNumber: person.phone! }).catch(() => undefined)}
        >
          打电话
        </BigButton>
      )}
    </View>
  );
}

/** 已读 N / 共 M and who has not read it, so a cadre can phone them or use the loudspeaker (大喇叭). */
export default function NoticeReaders({ id }: { id: string }) {
  const readers = useLoad(() => callCloud(noticesContract, 'readers', { id }));
  useRefreshOnReturn(readers.reload);
  const r = readers.data;
  const manyVillages = new Set(r?.unread.map((p) => p.villageName)).size > 1;
  return (
    <View className="notice-readers">
      <View className="section-title">谁看过了</View>
      {r && (
        <View className="card">
          <View className="title readers-count" {...a11y('status')}>
            已读 {r.read} / 共 {r.total}
          </View>
          {r.unread.length === 0 ? (
            <View className="muted">大家都看过了。</View>
          ) : (
            <View className="muted">还没看的人可以打电话告诉，或者用村里的大喇叭广播。</View>
          )}
        </View>
      )}
      {r && r.unread.length > 0 && (
        <View className="card readers-unread">
          <View className="section-title">未读名单（{r.unread.length} 人）</View>
          {r.unread.some((p) => !p.bound) && (
            <View className="small muted">标着“未绑定”的人没用小程序，只能打电话或用大喇叭告诉他们。</View>
          )}
          <View {...a11y('list', '未读名单')}>
            {r.unread.map((p) => (
              <Person key={p.memberId} person={p} manyVillages={manyVillages} />
            ))}
          </View>
        </View>
      )}
      <StateView loading={readers.loading && !r} error={readers.error} onRetry={readers.reload} />
    </View>
  );
}
