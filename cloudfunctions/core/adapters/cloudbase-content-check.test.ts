import { openApiPairs } from '../../../test/cloudbase/protobuf';
import { MSG_SEC_CHECK_SCENES, msgSecCheck, SECURITY_MSG_SEC_CHECK } from './cloudbase-content-check';

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

  describe("on the message board (scene 3, 论坛), against msgSecCheck v2's documented answers", () => {
    // The documented v2 body: errcode 0 whatever the verdict; the verdict in `result` (label a number,
    // 100 normal, 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar,
    // 20013 copyright, 21000 other) and per strategy in `detail`, where a keyword hit also names the word.
    const fixtures = {
      pass: {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'pass', label: 100 },
        detail: [
          { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
          { strategy: 'keyword', errcode: 0 },
        ],
        trace_id: '62987eb8-18ca076c-37fc373b',
      },
      review: {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'review', label: 21000 },
        detail: [{ strategy: 'content_model', errcode: 0, suggest: 'review', label: 21000, prob: 60 }],
        trace_id: 't-review',
      },
      risky: {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'risky', label: 20006 },
        detail: [
          { strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20006, prob: 90 },
          { strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, level: 20, keyword: '赌博' },
        ],
        trace_id: 't-risky',
      },
    };

    it('asks with scene 3 and answers the suggestion of `result`, whatever `detail` says', async () => {
      const { log } = logger();
      for (const [want, body] of Object.entries(fixtures)) {
        const wx = answering(response(body));
        expect(await msgSecCheck(wx, log).check('村口的路灯坏了', 'wx-1', 'forum')).toBe(want);
        const [[{ requestData }]] = wx.callCompatibleWxOpenApi.mock.calls as [[{ requestData: Buffer }]];
        expect(openApiPairs(requestData)).toContainEqual(['scene', String(MSG_SEC_CHECK_SCENES.forum)]);
      }
      expect(MSG_SEC_CHECK_SCENES).toEqual({ comment: 2, forum: 3 });
      // A detail that disagrees does not override the combined verdict.
      const mixed = { ...fixtures.pass, detail: fixtures.risky.detail };
      expect(await msgSecCheck(answering(response(mixed)), log).check('文本', 'wx-1', 'forum')).toBe('pass');
    });

    it('still asks wishes and visits with scene 2 when they name no scene', async () => {
      const wx = answering(response(fixtures.pass));
      await msgSecCheck(wx, logger().log).check('文本', 'wx-1');
      const [[{ requestData }]] = wx.callCompatibleWxOpenApi.mock.calls as [[{ requestData: Buffer }]];
      expect(openApiPairs(requestData)).toContainEqual(['scene', '2']);
    });

    it.each([
      [40001, 'invalid credential, access_token is invalid or not latest'],
      [40003, 'invalid openid'],
      [40129, 'invalid scene'],
      [61010, 'code is expired'],
      [-1, 'system error'],
    ])('holds the text for review when WeChat answers errcode %d (no verdict), logging the code', async (errcode, errmsg) => {
      const { errors, log } = logger();
      expect(await msgSecCheck(answering(response({ errcode, errmsg })), log).check('文本', 'wx-1', 'forum')).toBe('review');
      expect(errors).toEqual([[expect.stringContaining(SECURITY_MSG_SEC_CHECK), { errcode, errmsg }]]);
    });

    it('refuses the text when WeChat answers 87014 (risky content, as v1 says it), without an error in the log', async () => {
      const { errors, log } = logger();
      const res = response({ errcode: 87014, errmsg: 'risky content' });
      expect(await msgSecCheck(answering(res), log).check('特3456书yuuo莞6543李zxcz蒜7782法fgnv级', 'wx-1', 'forum')).toBe('risky');
      expect(errors).toEqual([]);
    });

    it('holds the text when the body has no result, or a result without a suggestion', async () => {
      const { errors, log } = logger();
      const { result: _dropped, ...noResult } = fixtures.pass;
      expect(await msgSecCheck(answering(response(noResult)), log).check('文本', 'wx-1', 'forum')).toBe('review');
      expect(await msgSecCheck(answering(response({ ...fixtures.pass, result: { label: 100 } })), log).check('文本', 'wx-1', 'forum')).toBe(
        'review',
      );
      expect(errors).toHaveLength(2);
    });
  });
});
