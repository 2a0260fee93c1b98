import type { IncomingMessage, ServerResponse } from 'node:http';
import { PHOTO_TYPES, type LocalFileStore } from '../cloudfunctions/core/adapters/local-files';
import type { Store } from '../cloudfunctions/core/ports/store';
import { HttpError, readBytes, send } from './http';

/** WeChat's chooseImage hands over compressed photos well under this; the ledger is made server-side. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

type Handle = (req: IncomingMessage, res: ServerResponse, params: (string | undefined)[]) => Promise<void>;

/** A declared type is not proof: the first bytes must say the same, or a page could be stored as a "photo". */
const signatures: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

const downloadName: Record<string, string> = { xlsx: '心愿台账.xlsx' };

/**
 * `POST /api/files`: a bound dev user's photo, the body as is → `{ fileID }`, the stand-in's
 * counterpart of Taro.cloud.uploadFile. `GET /api/files/<name>?exp&sig`: a file, only through a
 * link the functions signed and only until it expires, as CloudBase's temporary links.
 */
export function fileRoutes(files: LocalFileStore, store: Store): { pattern: RegExp; methods: Map<string, Handle> }[] {
  const upload: Handle = async (req, res) => {
    const openid = String(req.headers['x-dev-openid'] ?? '').trim();
    if (!openid) throw new HttpError(401, 'COMMON.UNAUTHENTICATED');
    const user = await store.collection('users').get(openid);
    if (!user) throw new HttpError(403, 'COMMON.NOT_BOUND');
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!PHOTO_TYPES.includes(type)) throw new HttpError(415, 'COMMON.BAD_REQUEST');
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_UPLOAD_BYTES) throw new HttpError(413, 'COMMON.BAD_REQUEST');
    const bytes = await readBytes(req, MAX_UPLOAD_BYTES);
    if (!signatures[type](bytes)) throw new HttpError(415, 'COMMON.BAD_REQUEST');
    send(res, 200, { fileID: await files.upload(bytes, type) });
  };

  const download: Handle = async (req, res, [name]) => {
    const query = new URL(req.url ?? '/', 'http://stand-in').searchParams;
    const file = await files.open(name ?? '', query.get('exp'), query.get('sig'));
    if (!file) throw new HttpError(403, 'COMMON.FORBIDDEN');
    const ext = name!.split('.')[1];
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      // Personal photos: no shared cache keeps them past the link's life.
      'cache-control': 'private, max-age=600',
      'x-content-type-options': 'nosniff',
    };
    if (downloadName[ext]) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(downloadName[ext])}`;
    res.writeHead(200, headers).end(file.bytes);
  };

  return [
    { pattern: /^\/api\/files$/, methods: new Map([['POST', upload]]) },
    { pattern: /^\/api\/files\/([^/]+)$/, methods: new Map([['GET', download]]) },
  ];
}
