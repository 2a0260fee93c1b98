import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageFor, type ErrorCode } from '../types';

/** CloudBase refuses callFunction payloads over about 256 KB; so does the stand-in. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A request the stand-in refuses: answered with `status` and the usual error envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** The client hung up before its request was read: nobody is left to answer. */
export class ClientGone extends Error {}

export const failure = (code: ErrorCode) => ({ ok: false as const, error: { code, message: messageFor(code) } });

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
    .end(JSON.stringify(body));
}

/**
 * The request body as bytes. Over `limit` it fails with 413 at once but keeps reading (and
 * dropping) the rest, so the answer is not lost to a connection reset while the client is
 * still sending.
 */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(new HttpError(413, 'COMMON.BAD_REQUEST'));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      ended = true;
      if (size <= limit) resolve(Buffer.concat(chunks));
    });
    // An aborted upload emits 'error' (ECONNRESET) or just 'close' without 'end'.
    req.on('error', () => reject(new ClientGone()));
    req.on('close', () => {
      if (!ended) reject(new ClientGone());
    });
  });
}

/** The request body as JSON; an empty body reads as `{}`. Limits as readBytes. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const body = await readBytes(req, limit);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'COMMON.BAD_REQUEST');
  }
}
