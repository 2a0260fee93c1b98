import { sceneOf } from '../../../types/launch';
import { pagePath } from '../../../types/routes';
import type { QrCodes } from '../ports/qr-codes';
import { sendOpenApi, type WxOpenApiTransport } from './cloudbase-openapi';

/** The cloud-call API, also declared in the users function's config.json `permissions.openapi`. */
export const WXACODE_GET_UNLIMITED = 'wxacode.getUnlimited';

/** Which version of the mini-program a 小程序码 opens (WeChat's env_version). */
export type WxacodeEnvVersion = 'release' | 'trial' | 'develop';

/** What the errcodes a 小程序码 request can meet mean for whoever reads the log. */
const hints: Record<number, string> = {
  41030: 'the page is not in the published version, or nothing is published yet: publish, or set WXACODE_ENV_VERSION=trial',
  45009: "over WeChat's rate limit (5000 a minute)",
  40097: 'WeChat refused the arguments (scene or page)',
  [-604101]: 'no cloud-call permission: config.json must list wxacode.getUnlimited and DevTools must upload the function',
};

/** WeChat would not make the code; `errcode` is its answer, or CloudBase's when the call never reached WeChat. */
export class QrCodeError extends Error {
  constructor(
    readonly errcode: number | string,
    message: string,
  ) {
    super(message);
    this.name = 'QrCodeError';
  }
}

/**
 * 小程序码 by cloud call, as wx-server-sdk's `cloud.openapi.wxacode.getUnlimited` asks for them
 * (see cloudbase-openapi.ts): on success WeChat answers the image itself (JPEG, or PNG when
 * transparent), on failure JSON with an errcode; the SDK tells them apart by content type.
 */
export function wxacodeQrCodes(wx: WxOpenApiTransport, config: { envVersion: WxacodeEnvVersion }): QrCodes {
  return {
    async forPage(route, params) {
      if (route.includes('?')) throw new Error(`a 小程序码 opens a page without a query; params go in the scene: ${route}`);
      const reply = await sendOpenApi(wx, WXACODE_GET_UNLIMITED, {
        scene: sceneOf(params),
        // Without the leading slash, as WeChat requires.
        page: pagePath(route),
        // check_path true makes WeChat refuse (41030) a page that the *published* version lacks,
        // which catches a code that would open "page not found". A trial or develop version is
        // not published, so its codes cannot be checked: they are made with check_path false.
        checkPath: config.envVersion === 'release',
        envVersion: config.envVersion,
      });
      if (reply.kind === 'json') {
        const errcode = Number(reply.body.errcode ?? 0);
        const hint = hints[errcode] ?? (errcode === 0 ? 'JSON without an image' : '');
        throw new QrCodeError(
          errcode,
          `${WXACODE_GET_UNLIMITED} failed: ${errcode} ${typeof reply.body.errmsg === 'string' ? reply.body.errmsg : ''} (${hint})`,
        );
      }
      const type = reply.contentType.split(';')[0].trim().toLowerCase();
      if ((type !== 'image/jpeg' && type !== 'image/png') || reply.bytes.length === 0) {
        throw new QrCodeError('BAD_RESPONSE', `${WXACODE_GET_UNLIMITED} answered ${reply.bytes.length} bytes of ${reply.contentType}`);
      }
      return { contentType: type, bytes: reply.bytes };
    },
  };
}
