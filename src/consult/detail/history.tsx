import type { ConsultEventView } from '../../../types/consults';
import { consultRules } from '../../../types/consults';
import History from '../../components/history';

/** What each step of a request is called on the page. */
export const consultEventLabels: Record<ConsultEventView['action'], string> = {
  submit: '提交求助',
  accept: '受理',
  assign: '转交',
  reply: '回复',
  resolve: '办结',
  confirm: '确认问题已解决',
  reopen: '没解决，重新办理',
  escalate: '超时未办，上报镇里',
  auto_close: `办结 ${consultRules.autoCloseDays} 天未确认，自动完成`,
};

/** Every step of the request, oldest first, with who did it and any note they left. */
export default function ConsultHistory({ events }: { events: readonly ConsultEventView[] }) {
  return <History events={events} labels={consultEventLabels} />;
}
