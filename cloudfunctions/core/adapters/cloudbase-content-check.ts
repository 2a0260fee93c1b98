import type { Logger } from '../handler/deps';
import type { ContentCheck, ContentScene } from '../ports/files';
import { sendOpenApi, type WxOpenApiTransport } from './cloudbase-openapi';

/** The cloud-call API, also declared in the wishes function's config.json `permissions.openapi`. */
export const SECURITY_MSG_SEC_CHECK = 'security.msgSecCheck';

/**
 * msgSecCheck's scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. A wish, a summary or a thank-you reads like a
 * comment; a post or reply on the village message board is a forum's.
 */
export const MSG_SEC_CHECK_SCENES: Record<ContentScene, number> = { comment: 2, forum: 3 };

/** v1's answer for text with risky content. v2 answers errcode 0 and a verdict; should WeChat still say 87014, it is a verdict, not a fault. */
const RISKY_CONTENT = 87014;

type Suggest = 'pass' | 'review' | 'risky';
const suggestions: readonly string[] = ['pass', 'review', 'risky'] satisfies Suggest[];

/**
 * Text checked by WeChat, as wx-server-sdk's `cloud.openapi.security.msgSecCheck` asks (see
 * cloudbase-openapi.ts): version 2 answers errcode 0 for clean and dirty text alike, and its
 * verdict is `result.suggest` ('pass' | 'review' | 'risky', with `result.label`, 100 = normal).
 * `openid` must be a user who opened the mini-program within two hours: the caller.
 *
 * When WeChat gives no verdict (an errcode such as 40001 bad token, 40003 bad openid, 40129 bad
 * scene, 61010 the user has not opened the mini-program for two hours, -1 busy; no permission; a
 * network fault; an answer without `result`) this answers 'review', never 'pass': the text then waits for a person, so nothing
 * unchecked goes public; and never 'risky', which would blame the user for WeChat's fault.
 */
export function msgSecCheck(wx: WxOpenApiTransport, log: Logger): ContentCheck {
  return {
    async check(content, openid, scene = 'comment') {
      if (!openid) {
        log.error(`[content] ${SECURITY_MSG_SEC_CHECK} needs the openid of the user who wrote the text; held for review`);
        return 'review';
      }
      try {
        const reply = await sendOpenApi(wx, SECURITY_MSG_SEC_CHECK, { openid, scene: MSG_SEC_CHECK_SCENES[scene], version: 2, content });
        const body = reply.kind === 'json' ? reply.body : {};
        const errcode = Number(body.errcode ?? 0);
        const suggest = (body.result as { suggest?: unknown } | undefined)?.suggest;
        if (errcode === 0 && typeof suggest === 'string' && suggestions.includes(suggest)) return suggest as Suggest;
        if (errcode === RISKY_CONTENT) return 'risky';
        log.error(`[content] ${SECURITY_MSG_SEC_CHECK} gave no verdict; held for review`, {
          errcode,
          errmsg: typeof body.errmsg === 'string' ? body.errmsg : reply.kind,
        });
      } catch (e) {
        log.error(`[content] ${SECURITY_MSG_SEC_CHECK} failed; held for review`, { error: String(e) });
      }
      return 'review';
    },
  };
}
