import type { WishEventView } from '../../../types';
import History from '../../components/history';

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
export default function WishHistory({ events }: { events: readonly WishEventView[] }) {
  return <History events={events} labels={eventLabels} />;
}
