import { createReadStream, statSync, type BigIntStats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * True when the file name carries a content hash (webpack's `[name].[contenthash:8].js`,
 * `logo-5d41402a.png`): at least 8 hex digits between the name and the extension.
 * Only such a name changes whenever its content does, so only it may be cached for good.
 * Taro's H5 build names its entry `js/app.js` and `css/app.css`: those must revalidate.
 */
export const hasContentHash = (file: string): boolean => /^.+[.-][0-9a-f]{8,}\.[A-Za-z0-9]+$/.test(basename(file));

/**
 * A weak validator from size and modification time in nanoseconds, as nginx and
 * serve-static do: a rebuild rewrites the file and so changes it. Weak, because the
 * gzipped and plain answers share it.
 */
const etagOf = (stat: BigIntStats): string => `W/"${stat.size.toString(16)}-${stat.mtimeNs.toString(16)}"`;

/** RFC 9110 §13.1.2: weak comparison against each listed tag, or `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function statFile(file: string): BigIntStats | null {
  try {
    return statSync(file, { bigint: true });
  } catch {
    // Missing, too long a name, not a directory on the way: all just "not there".
    return null;
  }
}

function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end();
}

/** The request path as a file path, or null when it cannot be one (bad percent-encoding, a NUL byte). */
function decodePath(url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0]);
  } catch {
    return null;
  }
  return path.includes('\0') ? null : path;
}

/**
 * Serves the H5 build. Village networks are slow: text is gzipped, hashed assets are
 * cached for good, and everything else is revalidated (a 304 costs a few bytes).
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { allow: 'GET, HEAD' });
  const base = resolve(root);
  const path = decodePath(req.url ?? '/');
  if (path === null) return refuse(res, 400);
  let file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return refuse(res, 403);
  let stat = statFile(file);
  if (!stat || !stat.isFile()) {
    // The router is hash-based, so any other path is the app itself.
    file = join(base, 'index.html');
    stat = statFile(file);
  }
  if (!stat || !stat.isFile()) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 版本尚未构建：请运行 npm run build:h5');
    return;
  }
  const ext = extname(file);
  const etag = etagOf(stat);
  const headers: Record<string, string> = {
    'cache-control': hasContentHash(file) ? IMMUTABLE : REVALIDATE,
    etag,
    vary: 'accept-encoding',
  };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['content-type'] = types[ext] ?? 'application/octet-stream';
  const gzip = compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  // The file may vanish mid-rebuild: cut the answer short rather than crash the process.
  stream.on('error', () => res.destroy());
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}
