import { View } from '@tarojs/components';
import type { ConsultMessage } from '../../../types/consults';
import { a11y } from '../../components/a11y';
import { CellGroup } from '../../components/cell';
import { formatTime } from '../../services/format';

/** The author's name, marked as staff when the name does not already say so: colour and side are not the only sign. */
const sideName = (m: ConsultMessage) =>
  m.fromHousehold || /干部|驻村办|书记/.test(m.authorName) ? m.authorName : `${m.authorName}（干部）`;

interface Props {
  messages: readonly ConsultMessage[];
  /** The reader is on the household's side: their messages go right, as one's own do in WeChat. */
  householdSide: boolean;
  /** The reader may write below: the empty thread says so only then. */
  canReply: boolean;
}

/** The conversation as bubbles: one's own side on the right, the other on the left, each under its author's name. */
export default function Thread({ messages, householdSide, canReply }: Props) {
  return (
    <CellGroup title="沟通记录">
      {messages.length === 0 ? (
        <View className="thread-empty muted">{canReply ? '还没有人留言。有什么要说的，可以在下面写。' : '还没有人留言。'}</View>
      ) : (
        <View className="thread" {...a11y('list', '沟通记录')}>
          {messages.map((m) => {
            const own = m.fromHousehold === householdSide;
            return (
              <View key={m.id} className={`bubble-row ${own ? 'is-own' : ''}`} {...a11y('listitem')}>
                <View className="bubble-who small muted">
                  {sideName(m)} · {formatTime(m.at)}
                </View>
                <View className={`bubble ${m.fromHousehold ? 'is-household' : 'is-staff'}`}>{m.text}</View>
              </View>
            );
          })}
        </View>
      )}
    </CellGroup>
  );
}
