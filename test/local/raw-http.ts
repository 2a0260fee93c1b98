import { connect } from 'node:net';

export interface RawAnswer {
  /** Null when the server closed the connection without a status line. */
  status: number | null;
  head: string;
  body: Buffer;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection and reads until the
 * server closes it. fetch and node:http refuse to send malformed requests
 * (a bare `%`, control bytes, unknown methods); a fuzz test must send them.
 */
export function rawRequest(url: string, bytes: Buffer, waitMs = 5000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname);
    const done = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const raw = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      resolve({ status: match ? Number(match[1]) : null, head, body: /\r\ntransfer-encoding: chunked/i.test(head) ? dechunk(raw) : raw });
    };
    // A server that never answers must fail the test, not hang it.
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    // A reset after the answer (the server stopped reading an oversized body) still leaves the answer read.
    socket.on('error', () => undefined);
    socket.on('close', done);
    // Written, not ended: node's server drops pending answers when a client half-closes,
    // which browsers never do. `Connection: close` makes the server close after answering.
    socket.write(bytes);
  });
}

/** The payload of a chunked body (answers sent with `res.end()` after `writeHead` come chunked). */
function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < raw.length;) {
    const eol = raw.indexOf('\r\n', at);
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (eol < 0 || !(size > 0)) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export interface RawSpec {
  method: string;
  path: string;
  headers?: Record<string, string | Buffer>;
  body?: Buffer | string;
}

/** One HTTP/1.1 request with a correct Content-Length (unless the spec sets its own) and `Connection: close`. */
export function requestBytes({ method, path, headers = {}, body }: RawSpec): Buffer {
  const payload = body === undefined ? null : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const lines: Buffer[] = [
    Buffer.from(`${method} `, 'latin1'),
    Buffer.from(path, 'latin1'),
    Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n'),
  ];
  const all: Record<string, string | Buffer> = { ...headers };
  if (payload && !Object.keys(all).some((k) => k.toLowerCase() === 'content-length')) all['content-length'] = String(payload.length);
  for (const [k, v] of Object.entries(all))
    lines.push(Buffer.from(`${k}: `, 'latin1'), Buffer.isBuffer(v) ? v : Buffer.from(v, 'latin1'), Buffer.from('\r\n'));
  lines.push(Buffer.from('\r\n'));
  if (payload) lines.push(payload);
  return Buffer.concat(lines);
}
