import { openApiPairs } from '../../../test/cloudbase/protobuf';
import { routes } from '../../../types';
import { encodeOpenApiRequest } from './cloudbase-openapi';
import { QrCodeError, WXACODE_GET_UNLIMITED, wxacodeQrCodes } from './cloudbase-qr-codes';

/** A CommOpenApiResp: respData 1, contentType 2, errorCode 3. */
function response(body: Buffer, contentType: string, errorCode = 0): Buffer {
  const varint = (n: number) => {
    const out = [];
    for (let v = BigInt.asUintN(64, BigInt(n)); ; v >>= 7n) {
      if (v < 0x80n) return [...out, Number(v)];
      out.push(Number(v & 0x7fn) | 0x80);
    }
  };
  const ld = (no: number, b: Buffer) => Buffer.concat([Buffer.from([(no << 3) | 2, ...varint(b.length)]), b]);
  return Buffer.concat([ld(1, body), ld(2, Buffer.from(contentType)), Buffer.from([3 << 3, ...varint(errorCode)])]);
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const answering = (res: unknown) => ({ callCompatibleWxOpenApi: jest.fn().mockResolvedValue(res) });

describe('a 小程序码 by cloud call', () => {
  it('asks for the page without its slash, the parameters as the scene, and the configured version, as wx-server-sdk would', async () => {
    const wx = answering(response(JPEG, 'image/jpeg'));
    await wxacodeQrCodes(wx, { envVersion: 'trial' }).forPage(routes.bind, { code: 'ABCD2345' });
    const [[{ apiName, requestData }]] = wx.callCompatibleWxOpenApi.mock.calls as [[{ apiName: string; requestData: Buffer }]];
    expect(apiName).toBe(WXACODE_GET_UNLIMITED);
    expect(openApiPairs(requestData)).toEqual([
      ['scene', '"code=ABCD2345"'],
      ['page', '"pages/bind/index"'],
      ['check_path', 'false'],
      ['env_version', '"trial"'],
    ]);
    expect(requestData).toEqual(
      encodeOpenApiRequest({ scene: 'code=ABCD2345', page: 'pages/bind/index', checkPath: false, envVersion: 'trial' }),
    );
  });

  it('lets WeChat check the page exists only for the released version, the one a check can see', async () => {
    const wx = answering(response(JPEG, 'image/jpeg'));
    await wxacodeQrCodes(wx, { envVersion: 'release' }).forPage(routes.bind, { code: 'ABCD2345' });
    await wxacodeQrCodes(wx, { envVersion: 'develop' }).forPage(routes.bind, { code: 'ABCD2345' });
    const sent = (wx.callCompatibleWxOpenApi.mock.calls as [{ requestData: Buffer }][]).map(([c]) => new Map(openApiPairs(c.requestData)));
    expect(sent.map((p) => [p.get('check_path'), p.get('env_version')])).toEqual([
      ['true', '"release"'],
      ['false', '"develop"'],
    ]);
  });

  it('gives back the image WeChat answered, with its type', async () => {
    const image = await wxacodeQrCodes(answering(response(JPEG, 'image/jpeg')), { envVersion: 'release' }).forPage(routes.bind, {
      code: 'A',
    });
    expect(image).toEqual({ contentType: 'image/jpeg', bytes: JPEG });
    const png = await wxacodeQrCodes(answering(response(JPEG, ' image/PNG; x=1')), { envVersion: 'release' }).forPage(routes.bind, {});
    expect(png.contentType).toBe('image/png');
  });

  it.each([
    [
      'a page missing from the published version',
      response(Buffer.from('{"errcode":41030,"errmsg":"invalid page"}'), 'application/json'),
      41030,
      /not in the published version/,
    ],
    ['JSON sent as text/plain', response(Buffer.from('{"errcode":45009,"errmsg":"limit"}'), 'text/plain'), 45009, /rate limit/],
    [
      'no permission, a cloud-call system error',
      response(Buffer.alloc(0), 'application/json', -604101),
      -604101,
      /config\.json must list wxacode/,
    ],
    ['JSON that says ok but holds no image', response(Buffer.from('{"errcode":0}'), 'application/json'), 0, /without an image/],
    ['something that is not an image', response(Buffer.from('<html>'), 'text/html'), 'BAD_RESPONSE', /text\/html/],
    ['an empty image', response(Buffer.alloc(0), 'image/jpeg'), 'BAD_RESPONSE', /0 bytes/],
  ])('throws, with a hint for the log, on %s', async (_label, res, errcode, hint) => {
    const failed = await wxacodeQrCodes(answering(res), { envVersion: 'release' })
      .forPage(routes.bind, { code: 'ABCD2345' })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(QrCodeError);
    expect((failed as QrCodeError).errcode).toBe(errcode);
    expect((failed as QrCodeError).message).toMatch(hint);
  });

  it('refuses a page with a query or parameters beyond a scene before calling WeChat', async () => {
    const wx = answering(response(JPEG, 'image/jpeg'));
    await expect(wxacodeQrCodes(wx, { envVersion: 'release' }).forPage(routes.inbox, {})).rejects.toThrow('without a query');
    await expect(wxacodeQrCodes(wx, { envVersion: 'release' }).forPage(routes.bind, { code: 'x'.repeat(40) })).rejects.toThrow('scene');
    expect(wx.callCompatibleWxOpenApi).not.toHaveBeenCalled();
  });
});
