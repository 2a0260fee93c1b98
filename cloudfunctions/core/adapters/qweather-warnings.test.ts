import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { answer, rainstorm, rainstormCancel } from '../../notices/qweather.fixtures';
import { feedFileWarnings } from './feed-file-warnings';
import { parseQWeatherAnswer } from './qweather-warning-answer';
import { nodeGet, qweatherWarnings, unconfiguredWarnings, type HttpGet } from './qweather-warnings';

describe('reading a QWeather answer', () => {
  it('takes the documented fields, times as instants, empty strings as not given', () => {
    expect(parseQWeatherAnswer(answer(rainstorm({ related: '', endTime: '' })), '101090101')).toEqual([
      {
        id: '10109010120261127080000001',
        sender: '青禾县气象台',
        pubTime: '2026-11-24T01:30:00.000Z',
        title: '青禾县气象台发布暴雨黄色预警信号',
        startTime: '2026-11-24T01:30:00.000Z',
        endTime: null,
        status: 'active',
        severityColor: 'Yellow',
        type: '1003',
        typeName: '暴雨',
        text: expect.stringContaining('50毫米'),
        related: null,
      },
    ]);
    expect(parseQWeatherAnswer(answer(rainstormCancel()), 'x')[0]).toMatchObject({
      status: 'cancel',
      severityColor: '',
      related: expect.any(String),
    });
    expect(parseQWeatherAnswer(answer(), 'x')).toEqual([]);
  });

  const malformed: [string, unknown, RegExp][] = [
    ['an error code', { code: '401' }, /code 401/],
    ['no warning list', { code: '200' }, /no warning list/],
    ['a status it does not know', answer(rainstorm({ status: 'issued' as 'active' })), /warning\.0\.status/],
    ['a time that is not one', answer(rainstorm({ startTime: '明天' })), /warning\.0\.startTime/],
    ['no id', answer(rainstorm({ id: '' })), /warning\.0\.id/],
    ['not an object', 'oops', /malformed/],
  ];
  it.each(malformed)('refuses an answer with %s, naming where', (_what, raw, message) => {
    expect(() => parseQWeatherAnswer(raw, '101090101')).toThrow(message);
  });
});

describe('the QWeather adapter', () => {
  it('asks GET /v7/warning/now for the location on the project’s host, with the key in a header', async () => {
    const get = jest.fn<ReturnType<HttpGet>, Parameters<HttpGet>>(async () => ({ status: 200, body: JSON.stringify(answer(rainstorm())) }));
    const source = qweatherWarnings({ host: 'abc123.re.qweatherapi.com', key: 'secret-key', get });
    expect(await source.current('101090101')).toHaveLength(1);
    expect(get).toHaveBeenCalledWith(
      'https://abc123.re.qweatherapi.com/v7/warning/now?location=101090101&lang=zh',
      { 'X-QW-Api-Key': 'secret-key' },
      8000,
    );
  });

  it('turns an HTTP error, a body that is not JSON and a network failure into a clear error', async () => {
    const failing = (get: HttpGet) => qweatherWarnings({ host: 'h.example', key: 'k', get }).current('101090101');
    await expect(failing(async () => ({ status: 403, body: '{"error":{"status":403,"title":"Forbidden"}}' }))).rejects.toThrow(/HTTP 403/);
    await expect(failing(async () => ({ status: 200, body: '<html>' }))).rejects.toThrow(/not JSON/);
    await expect(
      failing(async () => {
        throw new Error('no answer within 8000 ms');
      }),
    ).rejects.toThrow(/could not be reached.*8000 ms/);
  });

  it('says a source without key or host polls nothing', async () => {
    await expect(unconfiguredWarnings.current('101090101')).rejects.toThrow(/QWEATHER_KEY/);
  });
});

describe('GET over node’s http, as Node 16 on CloudBase has no fetch', () => {
  let server: Server;
  let base = '';
  let seen: { url?: string; key?: string | string[] } = {};
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen = { url: req.url, key: req.headers['x-qw-api-key'] };
      if (req.url?.startsWith('/slow')) return; // never answers
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(answer(rainstorm()))));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('unzips QWeather’s gzipped answer', async () => {
    const warnings = await qweatherWarnings({ host: base, key: 'k1' }).current('101090101');
    expect(warnings.map((w) => w.typeName)).toEqual(['暴雨']);
    expect(seen).toEqual({ url: '/v7/warning/now?location=101090101&lang=zh', key: 'k1' });
  });

  it('gives up after the timeout', async () => {
    await expect(nodeGet(`${base}/slow`, {}, 100)).rejects.toThrow(/no answer within 100 ms/);
  });
});

describe('the stand-in’s feed file', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'feed-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('means no warnings while it does not exist', async () => {
    expect(await feedFileWarnings(join(dir, 'none.json')).current('101090101')).toEqual([]);
  });

  it('answers the location’s entry, or the one for every location', async () => {
    const file = join(dir, 'feed.json');
    writeFileSync(file, JSON.stringify({ '101090101': answer(rainstorm()), '*': answer() }));
    expect(await feedFileWarnings(file).current('101090101')).toHaveLength(1);
    expect(await feedFileWarnings(file).current('101090999')).toEqual([]);
  });

  it('fails like a bad answer when it is not JSON or malformed', async () => {
    const file = join(dir, 'feed.json');
    writeFileSync(file, '{');
    await expect(feedFileWarnings(file).current('101090101')).rejects.toThrow(/not JSON/);
    writeFileSync(file, JSON.stringify({ '101090101': { code: '200', warning: [{ id: 'x' }] } }));
    await expect(feedFileWarnings(file).current('101090101')).rejects.toThrow(/malformed/);
  });
});
