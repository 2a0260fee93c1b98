import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inboxNotifier } from '../cloudfunctions/core/adapters/inbox-notifier';
import { openSqliteStore, type SqliteStore } from '../cloudfunctions/core/adapters/sqlite-store';
import { consoleLogger, type Deps } from '../cloudfunctions/core/handler/deps';
import type { MovableClock } from './clock';
import { cryptoIds } from '../cloudfunctions/core/ids';

export const DEFAULT_DATA_FILE = '.data/village.db';

/** Opens the embedded store; ':memory:' for tests, otherwise one SQLite file in WAL mode. */
export function openLocalStore(file: string): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return openSqliteStore(file);
}

/** The stand-in's adapters: the embedded store, notifications into the in-app inbox, the movable clock. */
export const localDeps = (store: SqliteStore, clock: MovableClock): Deps & { clock: MovableClock } => ({
  store,
  clock,
  ids: cryptoIds,
  notifier: inboxNotifier(store, clock),
  log: consoleLogger,
});
