import type { Clock } from '../ports/clock';
import type { Notification, Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';
import type { MemberRecord } from '../records';
import type { Logger } from '../handler/deps';
import { inboxNotifier } from './inbox-notifier';

/** The node-sdk call that reaches WeChat's server APIs from inside a cloud function. */
export interface WxOpenApi {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ code?: string; message?: string; result?: { errcode?: number; errmsg?: string } }>;
}

export interface SubscribeConfig {
  /** A subscription-message template with fields thing1 (title) and thing2 (body). */
  templateId: string;
  /** formal | trial | developer: which version of the mini-program the message opens. */
  miniprogramState: 'formal' | 'trial' | 'developer';
}

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (s: string) => ({ value: [...s].slice(0, 20).join('') });

/**
 * Production notifications: the in-app inbox is the channel of record; a
 * subscription message is only a nudge, since each one needs a fresh user
 * acceptance and fails with 43101 without it. A failed nudge is logged and
 * never fails the notification.
 */
export function cloudbaseNotifier(args: { store: Store; clock: Clock; wx: WxOpenApi; subscribe: SubscribeConfig | null; log: Logger }): Notifier {
  const inbox = inboxNotifier(args.store, args.clock);
  return {
    async notify(n: Notification): Promise<boolean> {
      const delivered = await inbox.notify(n);
      if (!delivered || !args.subscribe) return delivered;
      const member = await args.store.collection<MemberRecord>('members').get(n.to);
      if (!member?.openid) return delivered;
      try {
        const res = await args.wx.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: member.openid,
            template_id: args.subscribe.templateId,
            page: n.link ?? '/pages/inbox/index',
            miniprogram_state: args.subscribe.miniprogramState,
            lang: 'zh_CN',
            data: { thing1: thing(n.title), thing2: thing(n.body) },
          },
        });
        const errcode = res.result?.errcode ?? 0;
        if (res.code || errcode !== 0) args.log.info('[notify] subscription nudge not sent', { code: res.code ?? errcode, to: n.to });
      } catch (e) {
        args.log.info('[notify] subscription nudge failed', { error: String(e), to: n.to });
      }
      return delivered;
    },
  };
}
