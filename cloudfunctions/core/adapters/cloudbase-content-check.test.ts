import { openApiPairs } from '../../../test/cloudbase/protobuf';
import { msgSecCheck, SECURITY_MSG_SEC_CHECK } from './cloudbase-content-check';

/** A CommOpenApiResp: respData 1, contentType 2, errorCode 3. */
function response(body: unknown, contentType = 'application/json; charset=utf-8', errorCode = 0): Buffer {
  const varint = (n: number) => {
    const out = [];
    for (let v = BigInt.asUintN(64, BigInt(n)); ; v >>= 7n) {
      if (v < 0x80n) return [...out, Number(v)];
      out.push(Number(v & 0x7fn) | 0x80);
    }
  };
  const ld = (no: number, b: Buffer) => Buffer.concat([Buffer.from([(no << 3) | 2, ...varint(b.length)]), b]);
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return Buffer.concat([ld(1, bytes), ld(2, Buffer.from(contentType)), Buffer.from([3 << 3, ...varint(errorCode)])]);
}

const answering = (res: unknown) => ({ callCompatibleWxOpenApi: jest.fn().mockResolvedValue(res) });
const verdict = (suggest: string, label = 100) => ({
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label },
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
  trace_id: 't-1',
});

function logger() {
  const errors: unknown[][] = [];
  return { errors, log: { error: (...a: unknown[]) => void errors.push(a), warn: () => undefined, info: () => undefined } };
}

describe('the msgSecCheck content check', () => {
  it("asks WeChat's v2 API with the writer's openid, the comment scene and the text, as wx-server-sdk would", async () => {
    const wx = answering(response(verdict('pass')));
    expect(await msgSecCheck(wx, logger().log).check('想要一床厚棉被', 'wx-openid-1')).toBe('pass');
    const [[{ apiName, requestData }]] = wx.callCompatibleWxOpenApi.mock.calls as [[{ apiName: string; requestData: Buffer }]];
    expect(apiName).toBe(SECURITY_MSG_SEC_CHECK);
    expect(openApiPairs(requestData)).toEqual([
      ['openid', '"wx-openid-1"'],
      ['scene', '2'],
      ['version', '2'],
      ['content', '"想要一床厚棉被"'],
    ]);
  });

  it("answers WeChat's suggestion, not its errcode, which v2 sets to 0 for risky text too", async () => {
    const { log } = logger();
    expect(await msgSecCheck(answering(response(verdict('risky', 20006))), log).check('文本', 'wx-1')).toBe('risky');
    expect(await msgSecCheck(answering(response(verdict('review', 21000))), log).check('文本', 'wx-1')).toBe('review');
  });

  it.each([
    ['an errcode', response({ errcode: 40003, errmsg: 'invalid openid' })],
    ['no result', response({ errcode: 0, errmsg: 'ok' })],
    ['an unknown suggestion', response(verdict('maybe'))],
    ['a cloud-call system error', response(Buffer.alloc(0), '', -604101)],
    ['a file instead of JSON', response(Buffer.from([1, 2]), 'image/png')],
  ])('holds the text for review and logs an error when WeChat gives %s', async (_what, res) => {
    const { errors, log } = logger();
    expect(await msgSecCheck(answering(res), log).check('文本', 'wx-1')).toBe('review');
    expect(errors).toHaveLength(1);
    expect(String(errors[0][0])).toContain(SECURITY_MSG_SEC_CHECK);
  });

  it('holds the text for review when the call itself fails, or when there is no openid to ask with', async () => {
    const { errors, log } = logger();
    const failing = { callCompatibleWxOpenApi: jest.fn().mockRejectedValue(new Error('socket hang up')) };
    expect(await msgSecCheck(failing, log).check('文本', 'wx-1')).toBe('review');
    const unused = answering(response(verdict('pass')));
    expect(await msgSecCheck(unused, log).check('文本', null)).toBe('review');
    expect(unused.callCompatibleWxOpenApi).not.toHaveBeenCalled();
    expect(errors).toHaveLength(2);
  });
});
