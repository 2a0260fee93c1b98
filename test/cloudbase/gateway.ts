import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DbError, DocDb, type Doc } from './docdb';
import { ENV_ID as FAKE_ENV } from './function-env';

/*
 * A local stand-in for the CloudBase gateway that @cloudbase/node-sdk 3.18.3 talks to
 * inside a cloud function. node-sdk's buildUrl (src/utils/tcbapiendpoint.ts) sends every
 * request to `JSON.parse(process.env.TCB_CONTEXT_CNFG).URL` when it is set (read by
 * getTcbContextConfig in src/utils/tcbcontext.ts), adding `?env=<env>&seqId=<id>`; each
 * request is a signed POST whose body names an `action`: JSON for `database.*`,
 * multipart form data for `wx.openApi` (src/utils/tcbapirequester.ts, request-core.ts).
 * @cloudbase/database 1.4.3 sends queries, orders and documents as canonical EJSON.
 */

// The EJSON that @cloudbase/database itself uses, from its own dependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EJSON } = require(require.resolve('bson', { paths: [require.resolve('@cloudbase/database')] })) as {
  EJSON: { parse(text: string): unknown; stringify(value: unknown, options?: { relaxed?: boolean }): string };
};

export interface WireRequest {
  action: string;
  /** The request's parameters, EJSON texts decoded: `query`, `order`, `data` are plain values here. */
  params: Doc;
  headers: IncomingHttpHeaders;
  url: string;
  /** For multipart requests: the raw bytes of each part. */
  parts?: Record<string, Buffer>;
}

/** An EJSON text as the plain value it stands for (numbers as numbers). */
export const decode = (text: unknown): unknown => (typeof text === 'string' && text !== '' ? EJSON.parse(text) : text);

function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Record<string, Buffer> = {};
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (name) parts[name] = part.subarray(split + 4);
    at = next;
  }
  return parts;
}

/**
 * What the fake answers to a cloud call: WeChat's JSON, or a file such as wxacode's image,
 * inside a protobuf CommOpenApiResp; or CloudBase's own JSON error.
 */
export type OpenApiReply = (
  call: WireRequest,
) => { errcode: number; errmsg?: string } | { file: Buffer; contentType: string } | { tcbError: string };

function commOpenApiResp(body: Buffer, contentType: string): Buffer {
  const ld = (no: number, b: Buffer) => {
    const len: number[] = [];
    for (let n = b.length; ; n >>>= 7) {
      if (n < 0x80) {
        len.push(n);
        break;
      }
      len.push((n & 0x7f) | 0x80);
    }
    return Buffer.concat([Buffer.from([(no << 3) | 2, ...len]), b]);
  };
  return Buffer.concat([ld(1, body), ld(2, Buffer.from(contentType))]);
}

export class FakeGateway {
  db: DocDb;
  readonly requests: WireRequest[] = [];
  openApiReply: OpenApiReply = () => ({ errcode: 0, errmsg: 'ok' });
  /** Cloud storage: what node-sdk's uploadFile PUT to the "COS" URL the gateway handed it, by fileID. */
  readonly storage = new Map<string, Buffer>();
  private server: Server | null = null;
  url = '';

  constructor(private readonly collections: readonly string[]) {
    this.db = new DocDb(collections);
  }

  /** Empties the database and forgets the requests. */
  reset(): void {
    this.db = new DocDb(this.collections);
    this.take();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        // uploadFile's second leg: the bytes to the URL getUploadMetadata gave, where COS answers an empty body.
        if (req.method === 'PUT' && req.url?.startsWith('/cos/')) {
          this.storage.set(this.fileIdOf(decodeURIComponent(req.url.slice('/cos/'.length))), body);
          return void res.writeHead(200, { 'content-length': 0 }).end();
        }
        const type = req.headers['content-type'] ?? '';
        let reply: { status: number; type: string; body: Buffer };
        try {
          const multipart = type.startsWith('multipart/form-data');
          const parts = multipart ? parseMultipart(body, type) : undefined;
          const raw = parts
            ? Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.toString('utf8')]))
            : (JSON.parse(body.toString('utf8')) as Doc);
          const wire: WireRequest = { action: String(raw.action), params: raw, headers: req.headers, url: req.url ?? '', parts };
          this.requests.push(wire);
          reply = this.answer(wire);
        } catch (e) {
          const code = e instanceof DbError ? e.code : 'SYS_ERR';
          reply = {
            status: 200,
            type: 'application/json; charset=utf-8',
            body: Buffer.from(JSON.stringify({ code, message: String((e as Error).message), requestId: 'fake' })),
          };
        }
        res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': reply.body.length });
        res.end(reply.body);
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/admin`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** The requests since the last call of take(). */
  take(): WireRequest[] {
    return this.requests.splice(0, this.requests.length);
  }

  private fileIdOf(path: string): string {
    return `cloud://${FAKE_ENV}.7465-${FAKE_ENV}-1300000000/${path}`;
  }

  private json(data: unknown) {
    return {
      status: 200,
      type: 'application/json; charset=utf-8',
      body: Buffer.from(JSON.stringify({ requestId: 'fake', ...(data as object) })),
    };
  }

  private answer(w: WireRequest) {
    const p = w.params;
    const coll = typeof p.collectionName === 'string' ? p.collectionName : '';
    const txId = (p.transactionId as string | undefined) || undefined;
    const query = (decode(p.query) || {}) as Doc;
    switch (w.action) {
      case 'database.getDocument': {
        const order = Object.entries((decode(p.order) ?? {}) as Record<string, number>).map(
          ([f, d]) => [f, d < 0 ? -1 : 1] as [string, 1 | -1],
        );
        const list = this.db.find(coll, query, { order, offset: p.offset as number, limit: p.limit as number }, txId);
        return this.json({
          data: { list: list.map((d) => EJSON.stringify(d, { relaxed: false })), limit: p.limit, offset: p.offset ?? 0 },
        });
      }
      case 'database.calculateDocument':
        return this.json({ data: { total: this.db.count(coll, query) } });
      case 'database.insertDocument': {
        const docs = (p.data as string[]).map((d) => decode(d) as Doc);
        return this.json({ data: { insertedIds: this.db.insert(coll, docs, txId) } });
      }
      case 'database.modifyDocument': {
        const data = decode(p.data) as Doc;
        if (p.upsert) throw new DbError('DATABASE_REQUEST_FAILED', 'the fake does not upsert');
        const updated = this.db.update(coll, query, data, { multi: p.multi !== false, replace: p.merge === false }, txId);
        return this.json({ data: { updated, upsert_id: null } });
      }
      case 'database.removeDocument':
        return this.json({ data: { deleted: this.db.remove(coll, query, txId) } });
      case 'database.startTransaction':
        return this.json({ transactionId: this.db.begin() });
      case 'database.commitTransaction':
        this.db.commit(txId!);
        return this.json({});
      case 'database.abortTransaction':
        this.db.abort(txId!);
        return this.json({});
      // node-sdk 3.18.3 src/storage/index.ts: uploadFile asks where to PUT, getTempFileURL sends file_list.
      case 'storage.getUploadMetadata': {
        const path = String(p.path);
        const fileId = this.fileIdOf(path);
        const url = `${this.url.replace(/\/admin$/, '')}/cos/${encodeURIComponent(path)}`;
        return this.json({ data: { url, token: 'cos-token', authorization: 'cos-auth', fileId, cosFileId: 'cos-file-id' } });
      }
      case 'storage.batchGetDownloadUrl': {
        const list = p.file_list as { fileid: string; max_age?: number }[];
        const base = this.url.replace(/\/admin$/, '');
        return this.json({
          data: {
            download_list: list.map(({ fileid }) =>
              this.storage.has(fileid)
                ? { code: 'SUCCESS', fileID: fileid, tempFileURL: `${base}/tmp/${encodeURIComponent(fileid)}?sign=fake` }
                : { code: 'STORAGE_FILE_NONEXIST', fileID: fileid, tempFileURL: '' },
            ),
          },
        });
      }
      case 'wx.openApi': {
        const reply = this.openApiReply(w);
        if ('tcbError' in reply) return this.json({ code: reply.tcbError, message: 'refused by the fake' });
        const resp =
          'file' in reply
            ? commOpenApiResp(reply.file, reply.contentType)
            : commOpenApiResp(Buffer.from(JSON.stringify({ errmsg: 'ok', ...reply })), 'application/json; charset=utf-8');
        return { status: 200, type: 'application/octet-stream', body: resp };
      }
      default:
        throw new DbError('INVALID_ACTION', `the fake gateway does not know ${w.action}`);
    }
  }
}
