import type { Logger } from '../handler/deps';
import type { Clock } from '../ports/clock';
import type { Notification, Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';
import { callOpenApi, type WxOpenApiTransport } from './cloudbase-openapi';
import { pagePath, routes } from '../../../types/routes';
import { inboxNotifier } from './inbox-notifier';

export interface SubscribeConfig {
  /** A subscription-message template with fields thing1 (title) and thing2 (body). */
  templateId: string;
  /** formal | trial | developer: which version of the mini-program the message opens. */
  miniprogramState: 'formal' | 'trial' | 'developer';
}

/** The cloud-call API, also declared in each function's config.json `permissions.openapi`. */
export const SUBSCRIBE_SEND = 'subscribeMessage.send';

/**
 * 43101: the user has no acceptance left for this template. Each acceptance of
 * wx.requestSubscribeMessage allows exactly one message, and the mini-program does not
 * ask yet, so this is the usual answer rather than a fault: a warning, not an error.
 */
const NO_QUOTA = 43101;

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (s: string) => ({ value: [...s].slice(0, 20).join('') });

/**
 * Production notifications: the in-app inbox is the channel of record; a
 * subscription message is only a nudge, since each one needs a fresh user
 * acceptance. A failed nudge is logged and never fails the notification.
 */
export function cloudbaseNotifier(args: {
  store: Store;
  clock: Clock;
  wx: WxOpenApiTransport;
  subscribe: SubscribeConfig | null;
  log: Logger;
}): Notifier {
  const inbox = inboxNotifier(args.store, args.clock);
  return {
    async notify(n: Notification): Promise<boolean> {
      const delivered = await inbox.notify(n);
      if (!delivered || !args.subscribe || n.nudge === false) return delivered;
      const openid = n.openid !== undefined ? n.openid : ((await args.store.collection('members').get(n.to))?.openid ?? null);
      if (!openid) return delivered;
      try {
        // The camelCase call of wx-server-sdk's documentation; cloudbase-openapi turns the keys to snake_case as it does.
        const answer = await callOpenApi(args.wx, SUBSCRIBE_SEND, {
          touser: openid,
          templateId: args.subscribe.templateId,
          // A page of this mini-program, without the leading slash WeChat's examples omit.
          page: pagePath(n.link ?? routes.inbox),
          data: { thing1: thing(n.title), thing2: thing(n.body) },
          miniprogramState: args.subscribe.miniprogramState,
          lang: 'zh_CN',
        });
        if (answer.errcode === NO_QUOTA)
          args.log.warn('[notify] subscription nudge not sent: no acceptance left', { errcode: answer.errcode, to: n.to });
        else if (answer.errcode !== 0)
          args.log.error('[notify] subscription nudge failed', { errcode: answer.errcode, errmsg: answer.errmsg, to: n.to });
      } catch (e) {
        const code = (e as { code?: unknown } | null)?.code;
        args.log.error('[notify] subscription nudge failed', { errcode: code ?? null, error: String(e), to: n.to });
      }
      return delivered;
    },
  };
}
