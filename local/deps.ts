import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inboxNotifier } from '../cloudfunctions/core/adapters/inbox-notifier';
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

export interface LocalOptions {
  /** STORE_LATENCY_MS: a delay before every store call the functions make, CloudBase's round trip. */
  latencyMs?: number;
}

/** The stand-in's adapters: the embedded store, notifications into the in-app inbox, the movable clock. */
export function localDeps(store: Store, clock: MovableClock, options: LocalOptions = {}): Deps & { clock: MovableClock } {
  // The notifier writes through the slowed store too: its inbox writes are round trips on CloudBase as well.
  const slowed = withLatency(store, options.latencyMs ?? 0);
  return {
    store: slowed,
    clock,
    ids: cryptoIds,
    notifier: inboxNotifier(slowed, clock),
    log: consoleLogger,
  };
}
