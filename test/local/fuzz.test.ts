import fc from 'fast-check';
import { handlers } from '../../cloudfunctions/registry';
import { MAX_BODY_BYTES } from '../../local/server';
import { rawRequest, requestBytes, type RawSpec } from './raw-http';
import { startTestStandIn, type TestStandIn } from './stand-in';

/**
 * Issue 6 point 11: no request of any shape answers 5xx or stops the stand-in.
 * Every endpoint gets every method and a range of broken bodies, headers and
 * paths, sent as raw bytes; then the server must still do real work.
 */
let t: TestStandIn;
beforeAll(async () => {
  t = await startTestStandIn();
});
afterAll(async () => {
  await t.close();
});

// Names every plain object inherits: a registry read with `handlers[name]` finds them.
const prototypeNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
];
const functionNames = [...Object.keys(handlers), ...prototypeNames, 'Wishes', 'payments'];
const timerPaths = Object.entries(handlers).flatMap(([fn, h]) => [
  `/api/dev/timers/${fn}`,
  ...(h.contract.timers ?? []).map((timer) => `/api/dev/timers/${fn}/${timer.name}`),
  ...prototypeNames.map((p) => `/api/dev/timers/${fn}/${p}`),
  `/api/dev/timers/${fn}/nope/extra`,
]);

const apiPaths = [
  ...functionNames.map((n) => `/api/functions/${n}`),
  ...prototypeNames.map((p) => `/api/dev/timers/${p}`),
  ...prototypeNames.map((p) => `/api/dev/timers/${p}/x`),
  ...timerPaths,
  '/api/dev/users',
  '/api/dev/clock',
  '/api/dev/clock?now=null',
  '/api/functions/wishes?__proto__=1',
  '/api/functions/wishes%00',
  '/api/functions/%',
  '/api/functions/',
  '/api/dev/',
  '/api/%',
  '/api/',
];
const staticPaths = [
  '/',
  '/%',
  '/%%',
  '/%E0%A4%A',
  '/%00',
  '/index.html%00.js',
  '/%ff%fe',
  '/..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/../../etc/passwd',
  '/app.3f2a9c1e.js',
  '/app.3f2a9c1e.js/',
  '/index.html/x',
  '//',
  '/' + 'a'.repeat(5000),
  '/\xff\xfe',
  '*',
  'http://example.com/api/dev/users',
  '/pages/index?x=%',
];
const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'BREW'];

const deep = '['.repeat(50_000) + ']'.repeat(50_000);
const bodies: (string | Buffer)[] = [
  'null',
  '[]',
  '[{"action":"submit"}]',
  '42',
  '-1e400',
  '"wishes"',
  'true',
  '{}',
  '{"action":null}',
  '{"action":""}',
  '{"action":"__proto__","input":{}}',
  '{"action":"constructor","input":{}}',
  '{"action":"toString"}',
  '{"action":"submit","input":null}',
  '{"action":"submit","input":[1,2]}',
  '{"action":"submit","input":{"category":"__proto__","text":{"__proto__":{}}}}',
  '{"action":"list","input":{"cursor":"[\\"x\\",{}]","limit":-5}}',
  '{"action":"' + 'x'.repeat(10_000) + '"}',
  '{"now":null}',
  '{"now":{}}',
  '{"now":[]}',
  '{"now":1e400}',
  '{"now":"2026-13-45"}',
  '{"now":"275760-09-14T00:00:00Z"}',
  '{"now":"+275760-09-13T00:00:00Z"}',
  '{"now":"-271821-04-20T00:00:00Z"}',
  '{"__proto__":{"now":null}}',
  '{"constructor":{"prototype":{"now":null}}}',
  '{"action":',
  '{"action":"submit"',
  '\ufeff{}',
  Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]),
  Buffer.from('{"action":"submit","input":{"category":"daily","text":"\xff\xfe\xfd\xfc\xfb"}}', 'latin1'),
  deep,
  'x'.repeat(MAX_BODY_BYTES + 10),
];
const contentTypes = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  'application/json; charset=latin1',
];
const openids: (string | Buffer | null)[] = [
  null,
  'demo-villager-1',
  'demo-cadre-1',
  'demo-office-1',
  '__proto__',
  'x'.repeat(4000),
  Buffer.from([0xff, 0xfe, 0x80]),
  ' ',
];

function withHeaders(i: number, spec: RawSpec): RawSpec {
  const headers: Record<string, string | Buffer> = { ...spec.headers };
  const type = contentTypes[i % contentTypes.length];
  if (type) headers['content-type'] = type;
  const openid = openids[i % openids.length];
  if (openid !== null) headers['x-dev-openid'] = openid;
  return { ...spec, headers };
}

/** Every answer is a status below 500; an /api/ refusal with a body is the `{ ok:false, error }` envelope. */
async function expectHandled(spec: RawSpec, options: { mayGoUnanswered?: boolean } = {}): Promise<void> {
  // A request the server may rightly leave waiting (a body that never arrives) is not waited on long.
  const answer = await rawRequest(t.url, requestBytes(spec), options.mayGoUnanswered ? 300 : 5000);
  const label = `${spec.method} ${spec.path.slice(0, 80)} ${String(spec.body ?? '').slice(0, 60)}`;
  if (answer.status === null && options.mayGoUnanswered) return;
  expect({ label, status: answer.status }).toEqual({ label, status: expect.any(Number) });
  expect({ label, status: answer.status! < 500 }).toEqual({ label, status: true });
  // The stand-in's own refusals come in the functions' envelope (node's parser answers bare 400s before it).
  if (spec.path.startsWith('/api/') && answer.status! >= 400 && answer.body.length > 0) {
    expect({ label, body: JSON.parse(answer.body.toString('utf8')) }).toEqual({
      label,
      body: { ok: false, error: { code: expect.any(String), message: expect.any(String) } },
    });
  }
}

async function expectStillServing(): Promise<void> {
  const users = await fetch(`${t.url}/api/dev/users`);
  expect(users.status).toBe(200);
  const whoami = await fetch(`${t.url}/api/functions/users`, {
    method: 'POST',
    headers: { 'x-dev-openid': 'demo-cadre-1' },
    body: JSON.stringify({ action: 'whoami', input: {} }),
  });
  expect(((await whoami.json()) as { data: { profile: { role: string } } }).data.profile.role).toBe('cadre');
  expect((await fetch(`${t.url}/`)).status).toBe(200);
}

describe('malformed requests never answer 5xx nor stop the stand-in', () => {
  it('answers the requests the issue reported: GET /%, prototype names as functions, a null clock body', async () => {
    expect((await rawRequest(t.url, requestBytes({ method: 'GET', path: '/%' }))).status).toBe(400);
    for (const name of prototypeNames) {
      const fn = await rawRequest(t.url, requestBytes({ method: 'POST', path: `/api/functions/${name}`, body: '{"action":"x"}' }));
      expect({ name, status: fn.status }).toEqual({ name, status: 404 });
      expect(JSON.parse(fn.body.toString())).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } });
    }
    const clock = await rawRequest(t.url, requestBytes({ method: 'POST', path: '/api/dev/clock', body: 'null' }));
    expect(clock.status).toBe(400);
    expect(JSON.parse(clock.body.toString())).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    await expectStillServing();
  });

  it('every path with every method', async () => {
    let i = 0;
    for (const path of [...apiPaths, ...staticPaths]) {
      for (const method of methods) await expectHandled(withHeaders(i++, { method, path, body: bodies[i % bodies.length] }));
    }
    await expectStillServing();
  });

  // Runs every function and every timer once per body: it grows with the app, so it gets its own bound.
  it('every API endpoint with every body, content type and caller', async () => {
    let i = 0;
    for (const path of apiPaths) {
      for (const body of bodies) await expectHandled(withHeaders(i++, { method: 'POST', path, body }));
    }
    await expectStillServing();
  }, 30_000);

  it('bodies cut short, lengths that lie, chunked encodings and clients that hang up', async () => {
    const post = (extra: Partial<RawSpec>): RawSpec => ({ method: 'POST', path: '/api/functions/wishes', ...extra });
    // The server waits for bytes that never come, then sees the client leave: no answer is owed.
    await expectHandled(post({ headers: { 'content-length': '100' }, body: '{"action":' }), { mayGoUnanswered: true });
    await expectHandled(post({ headers: { 'content-length': '-1' }, body: '{}' }));
    await expectHandled(post({ headers: { 'content-length': 'abc' }, body: '{}' }));
    await expectHandled(post({ headers: { 'content-length': '99999999999999999999' }, body: '{}' }), { mayGoUnanswered: true });
    await expectHandled(post({ headers: { 'transfer-encoding': 'chunked' }, body: '5\r\n{"act\r\n0\r\n\r\n' }));
    await expectHandled(post({ headers: { 'transfer-encoding': 'chunked' }, body: 'zz\r\nbroken\r\n' }), { mayGoUnanswered: true });
    await expectHandled(post({ headers: { 'transfer-encoding': 'chunked', 'content-length': '3' }, body: '0\r\n\r\n' }));
    await expectHandled(post({ headers: { 'content-encoding': 'gzip' }, body: Buffer.from([0x1f, 0x8b, 0x08, 0x00]) }));
    await expectHandled({ method: 'GET', path: '/', headers: { 'x-huge': 'y'.repeat(100_000) } }, { mayGoUnanswered: true });
    await expectHandled({ method: 'GET', path: '/', headers: { 'if-none-match': '"' + 'z'.repeat(5000) } });
    await expectHandled({
      method: 'GET',
      path: '/app.3f2a9c1e.js',
      headers: { 'accept-encoding': 'gzip;q=\xff, br, *', range: 'bytes=-5-' },
    });
    for (let n = 0; n < 20; n++) {
      const { port } = new URL(t.url);
      const { connect } = await import('node:net');
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        `POST /api/functions/wishes HTTP/1.1\r\nHost: x\r\ncontent-length: 50\r\nx-dev-openid: demo-villager-1\r\n\r\n{"action":"sub`,
      );
      await new Promise((r) => setTimeout(r, 2));
      socket.destroy();
    }
    await expectStillServing();
  });

  it('random paths, methods, headers and bodies (fixed seed)', async () => {
    const byteString = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b).toString('latin1'));
    const path = fc.oneof(
      fc.constantFrom(...apiPaths, ...staticPaths),
      fc
        .tuple(fc.constantFrom('/', '/api/', '/api/functions/', '/api/dev/timers/', '/api/dev/'), byteString(40))
        .map(([p, s]) => p + s.replace(/[\r\n ]/g, '%')),
      fc.webPath(),
    );
    const body = fc.oneof(
      fc.constantFrom(...bodies),
      fc.json(),
      byteString(300).map((s) => Buffer.from(s, 'latin1')),
      fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
    );
    const samples = fc.sample(fc.record({ path, method: fc.constantFrom(...methods), body, n: fc.nat() }), {
      seed: 20261127,
      numRuns: 400,
    });
    for (const s of samples) await expectHandled(withHeaders(s.n, { method: s.method, path: s.path, body: s.body }));
    await expectStillServing();
  });

  it("logs nothing as an internal fault: a malformed request is the caller's error, not the server's", () => {
    expect(t.errors).toEqual([]);
  });
});
