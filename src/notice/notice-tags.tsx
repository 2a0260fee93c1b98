import { Text, View } from '@tarojs/components';
import { warningLevelLabels, type Notice } from '../../types/notices';
import { kindWords } from './words';

/** A warning's state in words, when it is no longer in force. */
export function overWords(n: Pick<Notice, 'kind' | 'active' | 'cancelled'>): string | null {
  if (n.kind !== 'warning') return null;
  if (n.cancelled) return '已解除';
  return n.active ? null : '已过期';
}

/**
 * The words at the head of a notice: its level (a warning) or kind, its type, whether it still
 * applies, and 未读. Every one is a word; colours only repeat them.
 */
export default function NoticeTags({ notice, showRead = true }: { notice: Notice; showRead?: boolean }) {
  const over = overWords(notice);
  return (
    <View className="notice-tags">
      {notice.level ? (
        <Text className={`notice-tag level-${notice.level}`}>{warningLevelLabels[notice.level]}</Text>
      ) : (
        <Text className="notice-tag">{kindWords(notice)}</Text>
      )}
      {notice.warningType && <Text className="notice-type">{notice.warningType}</Text>}
      {over && <Text className="notice-tag is-over">{over}</Text>}
      {showRead && !notice.read && <Text className="notice-tag is-unread">● 未读</Text>}
    </View>
  );
}
