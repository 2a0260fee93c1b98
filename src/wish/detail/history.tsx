import { Text, View } from '@tarojs/components';
import type { WishEventView } from '../../../types';
import { a11y } from '../../components/a11y';
import { CellGroup } from '../../components/cell';
import { formatTime } from '../../services/format';

/** What each change of state is called on the page. */
export const eventLabels: Record<WishEventView['action'], string> = {
  submit: '提交心愿',
  publish: '审核通过，上心愿墙',
  reject: '审核未通过',
  withdraw: '撤回心愿',
  claim: '认领心愿',
  release: '放弃认领',
  expire: '超过期限，退回心愿墙',
  fulfil: '送达',
  confirm: '确认收到',
  thank: '留下感谢',
  widen: '扩大认领范围',
};

/** Every change of the wish, oldest first, with who did it and any note they left. */
export default function History({ events }: { events: readonly WishEventView[] }) {
  if (events.length === 0) return null;
  return (
    <CellGroup title="办理记录">
      <View className="history" {...a11y('list', '办理记录')}>
        {events.map((e, i) => (
          <View key={`${e.at}:${i}`} className="history-item" {...a11y('listitem')}>
            <View>
              <Text className="history-what">{eventLabels[e.action]}</Text>
              <Text className="small muted"> · {e.by}</Text>
            </View>
            <View className="small muted">{formatTime(e.at)}</View>
            {e.note && <View className="history-note">“{e.note}”</View>}
          </View>
        ))}
      </View>
    </CellGroup>
  );
}
