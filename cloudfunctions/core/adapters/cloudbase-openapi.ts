/**
 * WeChat's server APIs by 云调用 (cloud call), the documented route: wx-server-sdk 4.0.2's
 * `cloud.openapi.<api>(data)` (src/api/openapi/namespace/generic.ts). Bundling
 * wx-server-sdk would add its own copy of node-sdk, protobufjs and json-bigint to every
 * function, so this reproduces the request it sends, byte for byte, with node-sdk's
 * `callCompatibleWxOpenApi`, which wx-server-sdk itself calls:
 *
 * 1. the data's keys go from camelCase to snake_case, recursively (its `convertCase`);
 * 2. each top-level value becomes a key/value pair whose value is the value's JSON;
 * 3. the pairs go into a protobuf `CommApiData { apiType: OPEN_API, openapiData: { pairs } }`;
 * 4. node-sdk posts it as multipart form data: action `wx.openApi`, `apiName` the api's
 *    name (`subscribeMessage.send`), `requestData` the bytes, and no `cgiName`
 *    (wx-server-sdk sets it only for `version: 'v2'`);
 * 5. the answer is a protobuf `CommOpenApiResp { respData, contentType, errorCode, ... }`
 *    whose respData is WeChat's JSON (`errcode`, `errmsg`), or a JSON error from CloudBase.
 * The field numbers below are those of wx-server-sdk's src/protobuf/openapi.js.
 */

/** The slice of node-sdk's CloudBase app this needs. */
export interface WxOpenApiTransport {
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer }): Promise<unknown>;
}

/** What WeChat answered: errcode 0 is success; a negative one is a cloud-call system error (-604101: no permission). */
export interface OpenApiAnswer {
  errcode: number;
  errmsg: string;
}

const camelToSnake = (key: string): string => key.replace(/[A-Z]/g, (m, at: number) => `${at ? '_' : ''}${m.toLowerCase()}`);

const isPlainObject = (v: unknown): v is Record<string, unknown> => Object.prototype.toString.call(v) === '[object Object]';

/** wx-server-sdk's convertCase(camelcase → snakecase, recursive), key order included: renamed keys move to the end. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => (isPlainObject(v) || Array.isArray(v) ? snakeCaseKeys(v) : v));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const key of Object.keys(value)) {
    const v = isPlainObject(out[key]) || Array.isArray(out[key]) ? snakeCaseKeys(out[key]) : out[key];
    const renamed = camelToSnake(key);
    out[renamed] = v;
    if (renamed !== key) delete out[key];
  }
  return out;
}

function varint(n: number): number[] {
  const bytes: number[] = [];
  let v = n >>> 0;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
}

/** A length-delimited field (wire type 2). */
const field = (no: number, payload: Buffer): Buffer => Buffer.concat([Buffer.from([(no << 3) | 2, ...varint(payload.length)]), payload]);

const OPEN_API = 0;

/** CommApiData for an OPEN_API call with the given key/value pairs (KeyValuePair: key = 1, value = 2). */
export function encodeOpenApiRequest(data: Record<string, unknown>): Buffer {
  const pairs: Buffer[] = [];
  for (const [key, value] of Object.entries(snakeCaseKeys(data) as Record<string, unknown>)) {
    const json = JSON.stringify(value);
    if (json === undefined) continue;
    pairs.push(field(1, Buffer.concat([field(1, Buffer.from(key)), field(2, Buffer.from(json))])));
  }
  // apiType = 1 (varint, written even when 0), openapiData = 2 { pairs = 1 }; no appid (6).
  return Buffer.concat([Buffer.from([1 << 3, ...varint(OPEN_API)]), field(2, Buffer.concat(pairs))]);
}

export interface OpenApiResponse {
  respData: Buffer;
  contentType: string;
  errorCode: number;
}

/** Reads CommOpenApiResp: respData = 1, contentType = 2, errorCode = 3 (int32); other fields are skipped. */
export function decodeOpenApiResponse(buf: Buffer): OpenApiResponse {
  const out: OpenApiResponse = { respData: Buffer.alloc(0), contentType: '', errorCode: 0 };
  let at = 0;
  const readVarint = (): bigint => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (at >= buf.length) throw new Error('truncated varint');
      const b = buf[at++];
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
  };
  while (at < buf.length) {
    const tag = Number(readVarint());
    const [no, wire] = [tag >>> 3, tag & 7];
    if (wire === 0) {
      const v = readVarint();
      if (no === 3) out.errorCode = Number(BigInt.asIntN(32, v));
    } else if (wire === 2) {
      const len = Number(readVarint());
      if (at + len > buf.length) throw new Error('truncated field');
      const bytes = buf.subarray(at, at + len);
      at += len;
      if (no === 1) out.respData = Buffer.from(bytes);
      if (no === 2) out.contentType = bytes.toString('utf8');
    } else throw new Error(`unexpected wire type ${wire}`);
  }
  return out;
}

/** A failure of CloudBase or of the cloud call itself, before WeChat's API answered. */
export class OpenApiError extends Error {
  constructor(
    readonly code: string | number,
    message: string,
  ) {
    super(message);
    this.name = 'OpenApiError';
  }
}

/**
 * WeChat's reply, read as wx-server-sdk's generic openapi reads it: JSON when the content
 * type says JSON or plain text (WeChat sends some JSON as text/plain), otherwise a file, such
 * as the image of wxacode.getUnlimited, with its content type.
 */
export type OpenApiReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'file'; contentType: string; bytes: Buffer };

/**
 * Calls one WeChat server API the way `cloud.openapi.<api>(data)` does and returns what WeChat
 * answered. A cloud-call system error (-604101: no permission) comes back as JSON with that
 * errcode; a failure of CloudBase itself, before WeChat answered, throws OpenApiError.
 */
export async function sendOpenApi(app: WxOpenApiTransport, api: string, data: Record<string, unknown>): Promise<OpenApiReply> {
  const res = await app.callCompatibleWxOpenApi({ apiName: api, requestData: encodeOpenApiRequest(data) });
  if (!Buffer.isBuffer(res)) {
    // node-sdk hands CloudBase's JSON errors back as objects when it does not throw them.
    const e = (res ?? {}) as { code?: string; message?: string; errcode?: number; errmsg?: string };
    if (e.errcode) return { kind: 'json', body: { errcode: e.errcode, errmsg: e.errmsg ?? '' } };
    throw new OpenApiError(e.code ?? 'UNKNOWN', `${api}: ${e.message ?? JSON.stringify(res)}`);
  }
  let wx: OpenApiResponse;
  try {
    wx = decodeOpenApiResponse(res);
  } catch {
    const e = JSON.parse(res.toString('utf8')) as { code?: string; message?: string };
    throw new OpenApiError(e.code ?? 'UNKNOWN', `${api}: ${e.message ?? res.toString('utf8')}`);
  }
  if (wx.errorCode) return { kind: 'json', body: { errcode: wx.errorCode, errmsg: `cloud call system error ${wx.errorCode}` } };
  if (!/application\/json|text\/plain/.test(wx.contentType))
    return { kind: 'file', contentType: wx.contentType.trim(), bytes: wx.respData };
  try {
    return { kind: 'json', body: JSON.parse(wx.respData.toString('utf8')) as Record<string, unknown> };
  } catch {
    throw new OpenApiError('BAD_RESPONSE', `${api}: ${wx.contentType} that is not JSON: ${wx.respData.toString('utf8').slice(0, 200)}`);
  }
}

/** Calls a WeChat server API that answers JSON, and returns its errcode and errmsg. */
export async function callOpenApi(app: WxOpenApiTransport, api: string, data: Record<string, unknown>): Promise<OpenApiAnswer> {
  const reply = await sendOpenApi(app, api, data);
  if (reply.kind === 'file') throw new OpenApiError('BAD_RESPONSE', `${api}: a file (${reply.contentType}) where JSON was expected`);
  return { errcode: Number(reply.body.errcode ?? 0), errmsg: typeof reply.body.errmsg === 'string' ? reply.body.errmsg : '' };
}
