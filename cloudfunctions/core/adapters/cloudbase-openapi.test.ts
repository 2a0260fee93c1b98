import { openApiPairs, readFields } from '../../../test/cloudbase/protobuf';
import { callOpenApi, decodeOpenApiResponse, encodeOpenApiRequest, OpenApiError, sendOpenApi, snakeCaseKeys } from './cloudbase-openapi';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

describe('the cloud-call request, as wx-server-sdk 4.0.2 encodes it', () => {
  it('is CommApiData { apiType: OPEN_API (field 1, written as 0), openapiData (field 2) { pairs (field 1) { key 1, value 2 } } }', () => {
    // protobufjs writes 08 00 for apiType 0 because wx-server-sdk sets the property; appid (field 6) is absent.
    expect(hex(encodeOpenApiRequest({ touser: 'o1' }))).toBe(
      ['08 00', '12 10', '0a 0e', '0a 06', hex(Buffer.from('touser')), '12 04', hex(Buffer.from('"o1"'))].join(' '),
    );
  });

  it('carries each value as JSON, keys in snake_case, in the order wx-server-sdk leaves them', () => {
    const body = encodeOpenApiRequest({
      touser: 'o-abc',
      templateId: 'TPL',
      page: 'pages/inbox/index',
      data: { thing1: { value: '心愿待审核' } },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    });
    expect(readFields(body).map(([no]) => no)).toEqual([1, 2]);
    expect(readFields(body)[0]).toEqual([1, 0n]);
    // convertCase re-adds a renamed key after the others, so template_id and miniprogram_state come last.
    expect(openApiPairs(body)).toEqual([
      ['touser', '"o-abc"'],
      ['page', '"pages/inbox/index"'],
      ['data', '{"thing1":{"value":"心愿待审核"}}'],
      ['lang', '"zh_CN"'],
      ['template_id', '"TPL"'],
      ['miniprogram_state', '"formal"'],
    ]);
  });

  it('renames nested keys too and leaves the rest alone, like convertCase', () => {
    expect(snakeCaseKeys({ aB: { cD: [{ eF: 1 }, 2] }, g: 'hI' })).toEqual({ a_b: { c_d: [{ e_f: 1 }, 2] }, g: 'hI' });
    expect(Object.keys(snakeCaseKeys({ aB: 1, c: 2 }) as object)).toEqual(['c', 'a_b']);
  });

  it('skips a value whose JSON is undefined, as wx-server-sdk does', () => {
    expect(openApiPairs(encodeOpenApiRequest({ a: undefined, b: null }))).toEqual([['b', 'null']]);
  });
});

/** A CommOpenApiResp written field by field: respData 1, contentType 2, errorCode 3, httpCode 4, headers 5, svrkitErrorCode 6. */
function response(json: string | Buffer, errorCode = 0, contentType = 'application/json; charset=utf-8'): Buffer {
  const ld = (no: number, b: Buffer) => Buffer.concat([Buffer.from([(no << 3) | 2, b.length]), b]);
  // A negative int32 is a ten-byte varint.
  const int32 = (no: number, n: number) => {
    const bytes = [];
    for (let v = BigInt.asUintN(64, BigInt(n)); ; v >>= 7n) {
      if (v < 0x80n) {
        bytes.push(Number(v));
        break;
      }
      bytes.push(Number(v & 0x7fn) | 0x80);
    }
    return Buffer.from([no << 3, ...bytes]);
  };
  return Buffer.concat([
    ld(1, Buffer.from(json)),
    ld(2, Buffer.from(contentType)),
    int32(3, errorCode),
    int32(4, 200),
    ld(5, Buffer.concat([ld(1, Buffer.from('k')), ld(2, Buffer.from('v'))])),
    int32(6, 0),
  ]);
}

describe('the cloud-call answer', () => {
  it('decodes CommOpenApiResp, negative error codes included', () => {
    const r = decodeOpenApiResponse(response('{"errcode":0}', -604101));
    expect(r).toEqual({ respData: Buffer.from('{"errcode":0}'), contentType: 'application/json; charset=utf-8', errorCode: -604101 });
  });

  it("gives WeChat's errcode and errmsg, a cloud-call system error as its code, and throws CloudBase's own failures", async () => {
    const answering = (res: unknown) => ({ callCompatibleWxOpenApi: jest.fn().mockResolvedValue(res) });
    expect(await callOpenApi(answering(response('{"errcode":0,"errmsg":"ok"}')), 'subscribeMessage.send', {})).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect(await callOpenApi(answering(response('{"errcode":43101,"errmsg":"user refuse to accept the msg"}')), 'x', {})).toMatchObject({
      errcode: 43101,
    });
    expect(await callOpenApi(answering(response('', -604101)), 'x', {})).toMatchObject({ errcode: -604101 });
    const tcb = await callOpenApi(answering({ code: 'INVALID_PARAM', message: 'bad' }), 'x', {}).catch((e: unknown) => e);
    expect(tcb).toBeInstanceOf(OpenApiError);
    expect((tcb as OpenApiError).code).toBe('INVALID_PARAM');
    const json = await callOpenApi(answering(Buffer.from('{"code":"SYS_ERR","message":"down"}')), 'x', {}).catch((e: unknown) => e);
    expect((json as OpenApiError).code).toBe('SYS_ERR');
  });

  it("calls node-sdk's callCompatibleWxOpenApi with the api name and the encoded bytes, and no cgiName", async () => {
    const app = { callCompatibleWxOpenApi: jest.fn().mockResolvedValue(response('{"errcode":0}')) };
    await callOpenApi(app, 'subscribeMessage.send', { touser: 'o1' });
    expect(app.callCompatibleWxOpenApi).toHaveBeenCalledWith({
      apiName: 'subscribeMessage.send',
      requestData: encodeOpenApiRequest({ touser: 'o1' }),
    });
  });
});

describe('an answer that is a file', () => {
  const answering = (res: unknown) => ({ callCompatibleWxOpenApi: jest.fn().mockResolvedValue(res) });
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

  it('comes back as bytes with their content type, as wx-server-sdk returns { contentType, buffer }', async () => {
    expect(await sendOpenApi(answering(response(jpeg, 0, 'image/jpeg')), 'wxacode.getUnlimited', {})).toEqual({
      kind: 'file',
      contentType: 'image/jpeg',
      bytes: jpeg,
    });
  });

  it('is JSON when the type says JSON or plain text, which WeChat also uses for JSON', async () => {
    expect(await sendOpenApi(answering(response('{"errcode":41030}', 0, 'text/plain')), 'x', {})).toEqual({
      kind: 'json',
      body: { errcode: 41030 },
    });
    const garbled = await sendOpenApi(answering(response('<html>', 0, 'text/plain')), 'x', {}).catch((e: unknown) => e);
    expect((garbled as OpenApiError).code).toBe('BAD_RESPONSE');
  });

  it('is refused where only JSON makes sense', async () => {
    const e = await callOpenApi(answering(response(jpeg, 0, 'image/jpeg')), 'subscribeMessage.send', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenApiError);
    expect((e as OpenApiError).message).toContain('image/jpeg');
  });
});
