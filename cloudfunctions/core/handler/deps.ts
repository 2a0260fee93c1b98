import type { Clock, IdSource } from '../ports/clock';
import type { ContentCheck, FileStore } from '../ports/files';
import type { Notifier } from '../ports/notifier';
import type { QrCodes } from '../ports/qr-codes';
import type { Store } from '../ports/store';
import type { WarningSource } from '../ports/warnings';

export interface Logger {
  error(message: string, detail?: unknown): void;
  /** Expected trouble worth a look in the logs, not an alarm (e.g. a user with no subscription quota left). */
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}

/** Everything a function needs from the outside world, injected so that the same code runs on CloudBase and locally. */
export interface Deps {
  store: Store;
  notifier: Notifier;
  clock: Clock;
  ids: IdSource;
  /** Codes to scan that open a page of the app (invites). */
  qr: QrCodes;
  /** Photos and generated files (the wish ledger). */
  files: FileStore;
  /** User text others will read, checked before they see it. */
  content: ContentCheck;
  /** Severe-weather warnings the notices timer polls (QWeather; the stand-in's feed file). */
  warnings: WarningSource;
  log: Logger;
}

/** Who is calling and how, as established by the platform, never by the payload. */
export interface Invocation {
  /** WeChat openid injected by CloudBase (or the stand-in's x-dev-openid); null when the platform gave none. */
  openid: string | null;
  /** 'timer' only when the platform says a timer trigger fired; a client cannot forge it. */
  source: 'client' | 'timer';
  /** For a timer: which of the function's triggers fired (CloudBase's TriggerName). */
  trigger?: string;
}

export const consoleLogger: Logger = {
  error: (message, detail) => console.error(message, detail ?? ''),
  warn: (message, detail) => console.warn(message, detail ?? ''),
  info: (message, detail) => console.info(message, detail ?? ''),
};
