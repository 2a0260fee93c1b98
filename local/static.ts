import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { gzip } from 'node:zlib';

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
 * A validator from the bytes themselves, so it changes exactly when the content does
 * (a size-and-mtime tag can repeat when a rebuild rewrites a file within one clock tick).
 * Weak, because the gzipped and plain answers share it.
 */
const etagOf = (content: Buffer): string => `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 22)}"`;

/** RFC 9110 §13.1.2: weak comparison against each listed tag, or `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

interface Loaded {
  mtimeMs: number;
  size: number;
  content: Buffer;
  etag: string;
  /** Filled on the first gzipped answer. */
  gzipped?: Buffer;
}

/**
 * Each file's bytes, tag and gzipped bytes, kept until the file changes (its mtime, to the
 * nanosecond on the file systems in use, or its size): every page load revalidates the
 * unhashed entry files, and hashing and gzipping them each time would hold up the server.
 */
const loaded = new Map<string, Loaded>();

/** The file, or null when it is not a readable regular file. H5 build files are small enough to hold whole. */
function load(file: string): Loaded | null {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    const known = loaded.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    const content = readFileSync(file);
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, content, etag: etagOf(content) };
    loaded.set(file, entry);
    return entry;
  } catch {
    // Missing, too long a name, a NUL byte, vanished mid-rebuild: all just "not there".
    return null;
  }
}

function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end();
}

/** The request path as a file path, or null when its percent-encoding is broken (`/%`), which decodeURIComponent throws on. */
function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0]);
  } catch {
    return null;
  }
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
  let found = load(file);
  if (found === null) {
    // The router is hash-based, so any other path is the app itself.
    file = join(base, 'index.html');
    found = load(file);
  }
  if (found === null) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 版本尚未构建：请运行 npm run build:h5');
    return;
  }
  const ext = extname(file);
  const { content, etag } = found;
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
  const zipped = compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  // HEAD answers with the length a GET would send, and no body.
  const answer = (body: Buffer) => {
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  };
  if (!zipped) return answer(content);
  headers['content-encoding'] = 'gzip';
  if (found.gzipped) return answer(found.gzipped);
  const entry = found;
  gzip(content, (error, body) => {
    if (error) return res.destroy();
    entry.gzipped = body;
    answer(body);
  });
}
