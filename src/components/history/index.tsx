import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import { CellGroup } from '../cell';
import { formatTime } from '../../services/format';
import './index.scss';

export interface HistoryEvent<A extends string> {
  at: string;
  /** Who did it, as the caller may see it. */
  by: string;
  action: A;
  note: string | null;
}

/** Every step of a wish or a task, oldest first: what happened, who did it, when, and the words they left. */
export default function History<A extends string>({ events, labels }: { events: readonly HistoryEvent<A>[]; labels: Record<A, string> }) {
  if (events.length === 0) return null;
  return (
    <CellGroup title="办理记录">
      <View className="history" {...a11y('list', '办理记录')}>
        {events.map((e, i) => (
          <View key={`${e.at}:${i}`} className="history-item" {...a11y('listitem')}>
            <View>
              <Text className="history-what">{labels[e.action]}</Text>
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
