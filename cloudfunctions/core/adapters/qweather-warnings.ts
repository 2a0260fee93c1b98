import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { WarningSourceError, type SourceWarning, type WarningSource } from '../ports/warnings';
import { parseQWeatherAnswer } from './qweather-warning-answer';

const unzip = promisify(gunzip);

export interface HttpAnswer {
  status: number;
  body: string;
}
/** One GET; rejects on a network failure or when `timeoutMs` passes. */
export type HttpGet = (url: string, headers: Record<string, string>, timeoutMs: number) => Promise<HttpAnswer>;

/**
 * GET with node's own http(s): CloudBase runs functions on Node 16, which has no global fetch.
 * QWeather always gzips its answers, so the body is unzipped when the server says so.
 */
export const nodeGet: HttpGet = (url, headers, timeoutMs) =>
  new Promise((resolve, reject) => {
    const request = url.startsWith('http:') ? httpRequest : httpsRequest;
    const req = request(url, { method: 'GET', headers: { 'Accept-Encoding': 'gzip', ...headers }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const zipped = String(res.headers['content-encoding'] ?? '').includes('gzip');
        (zipped ? unzip(raw) : Promise.resolve(raw))
          .then((body) => resolve({ status: res.statusCode ?? 0, body: body.toString('utf8') }))
          .catch(reject);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });

export interface QWeatherOptions {
  /** The project's API host from the QWeather console (e.g. abc1234xyz.re.qweatherapi.com); https:// is added when missing. */
  host: string;
  /** The API key (credential) of the project, sent as the X-QW-Api-Key header, never in the URL that logs keep. */
  key: string;
  timeoutMs?: number;
  get?: HttpGet;
}

/** The production warning source: QWeather's 实时天气预警 for China, GET /v7/warning/now?location=<code>. */
export function qweatherWarnings(options: QWeatherOptions): WarningSource {
  const base = /^https?:\/\//.test(options.host) ? options.host.replace(/\/+$/, '') : `https://${options.host.replace(/\/+$/, '')}`;
  const get = options.get ?? nodeGet;
  const timeoutMs = options.timeoutMs ?? 8000;
  return {
    async current(location: string): Promise<SourceWarning[]> {
      const url = `${base}/v7/warning/now?location=${encodeURIComponent(location)}&lang=zh`;
      let answer: HttpAnswer;
      try {
        answer = await get(url, { 'X-QW-Api-Key': options.key }, timeoutMs);
      } catch (e) {
        throw new WarningSourceError(`QWeather could not be reached for ${location}: ${e instanceof Error ? e.message : String(e)}`);
      }
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        throw new WarningSourceError(`QWeather answered HTTP ${answer.status} for ${location} with a body that is not JSON`);
      }
      // QWeather's errors come with an HTTP error status and a JSON body naming them; both say what went wrong.
      if (answer.status !== 200) {
        const detail = JSON.stringify(body).slice(0, 200);
        throw new WarningSourceError(`QWeather answered HTTP ${answer.status} for ${location}: ${detail}`);
      }
      return parseQWeatherAnswer(body, location);
    },
  };
}

/** Where no QWeather key is set (a new environment): nothing is polled, and the timer says so in its log. */
export const unconfiguredWarnings: WarningSource = {
  async current(location) {
    throw new WarningSourceError(`QWEATHER_KEY or QWEATHER_HOST is not set: warnings for ${location} are not polled`);
  },
};
