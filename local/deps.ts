import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inboxNotifier } from '../cloudfunctions/core/adapters/inbox-notifier';
import { feedFileWarnings } from '../cloudfunctions/core/adapters/feed-file-warnings';
import { keywordContentCheck } from '../cloudfunctions/core/adapters/keyword-content-check';
import { diskBlobs, localFiles, memoryBlobs, type LocalFileStore } from '../cloudfunctions/core/adapters/local-files';
import { localQrCodes } from '../cloudfunctions/core/adapters/local-qr-codes';
import { openSqliteStore, type SqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import { consoleLogger, type Deps } from '../cloudfunctions/core/handler/deps';
import type { Store } from '../cloudfunctions/core/ports/store';
import type { MovableClock } from './clock';
import { cryptoIds } from '../cloudfunctions/core/ids';
import { withLatency } from './latency-store';

export const DEFAULT_DATA_FILE = '.data/village.db';

/** Opens the embedded store; ':memory:' for tests, otherwise one SQLite file in WAL mode. */
export function openLocalStore(file: string): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return openSqliteStore(file);
}

export const DEFAULT_PORT = 8787;
const localUrl = (port: number) => `http://127.0.0.1:${port}`;

export interface LocalOptions {
  /** STORE_LATENCY_MS: a delay before every store call the functions make, CloudBase's round trip. */
  latencyMs?: number;
  /** PUBLIC_URL: where a phone reaches the stand-in; its QR codes link to H5 pages under it. */
  publicUrl?: string;
  /** Where uploaded photos and made files go (see uploadsDirFor); without it they live in memory. */
  uploadsDir?: string;
  /** WARNINGS_FEED: the feed file of QWeather answers the stand-in polls for warnings (default DEFAULT_WARNINGS_FEED). */
  warningsFeed?: string;
}

/** local/warnings-feed.json: absent, no warnings; copy local/warnings-feed.example.json there to receive one. */
export const DEFAULT_WARNINGS_FEED = join(__dirname, 'warnings-feed.json');

/** `.data/uploads/` beside the data file; none for an in-memory store, whose files go with it. */
export const uploadsDirFor = (dataFile: string): string | undefined =>
  dataFile === ':memory:' ? undefined : join(dirname(dataFile), 'uploads');

/**
 * PUBLIC_URL, or the stand-in's own address on `port`. Set it when a phone is to scan the
 * stand-in's QR codes, since 127.0.0.1 on the phone is the phone: the https address of a tunnel
 * to the stand-in, say (it listens on 127.0.0.1 only).
 */
export function publicUrlFromEnv(raw: string | undefined, port: number): string {
  if (raw === undefined || raw.trim() === '') return localUrl(port);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`PUBLIC_URL must be an http(s) address such as http://192.168.1.5:8787, got "${raw}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`PUBLIC_URL must be an http(s) address without ? or #, got "${raw}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The stand-in's adapters: the embedded store, notifications into the in-app inbox, the movable clock, QR codes of H5 pages. */
export function localDeps(
  store: Store,
  clock: MovableClock,
  options: LocalOptions = {},
): Deps & { clock: MovableClock; files: LocalFileStore } {
  // The notifier writes through the slowed store too: its inbox writes are round trips on CloudBase as well.
  const slowed = withLatency(store, options.latencyMs ?? 0);
  return {
    store: slowed,
    clock,
    ids: cryptoIds,
    notifier: inboxNotifier(slowed, clock),
    qr: localQrCodes(options.publicUrl ?? localUrl(DEFAULT_PORT)),
    // The keyword list of config/content-keywords.json: the stand-in never calls WeChat.
    content: keywordContentCheck(),
    files: localFiles(options.uploadsDir ? diskBlobs(options.uploadsDir) : memoryBlobs(), () => clock.now()),
    warnings: feedFileWarnings(options.warningsFeed ?? (process.env.WARNINGS_FEED?.trim() || DEFAULT_WARNINGS_FEED)),
    log: consoleLogger,
  };
}
