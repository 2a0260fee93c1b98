import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movableClock, type MovableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { seedIfEmpty } from '../../local/seed';
import { startStandIn, type StandIn } from '../../local/server';
import type { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';

export interface TestStandIn {
  standIn: StandIn;
  url: string;
  store: SqliteStore;
  clock: MovableClock;
  staticDir: string;
  /** Everything the functions or the server logged as an internal error. */
  errors: unknown[];
  close(): Promise<void>;
}

/** A minimal H5 build: the entry page, an unhashed bundle as Taro names it, and a hashed asset. */
export function fakeH5Build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'standin-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>暖心驻村</title>');
  writeFileSync(join(dir, 'app.3f2a9c1e.js'), 'console.log("app")'.repeat(50));
  return dir;
}

/** A seeded in-memory stand-in on a free port, timers off (tests tick by hand). */
export async function startTestStandIn(options: { latencyMs?: number; staticDir?: string } = {}): Promise<TestStandIn> {
  const clock = movableClock();
  const store = openLocalStore(':memory:');
  await seedIfEmpty(store, clock);
  const errors: unknown[] = [];
  const log = {
    error: (message: string, detail?: unknown) => void errors.push([message, detail]),
    warn: () => undefined,
    info: () => undefined,
  };
  const staticDir = options.staticDir ?? fakeH5Build();
  const deps = { ...localDeps(store, clock, { latencyMs: options.latencyMs ?? 0 }), log };
  const standIn = await startStandIn({ deps, staticDir, port: 0, timers: false, log: () => undefined });
  return {
    standIn,
    url: standIn.url,
    store,
    clock,
    staticDir,
    errors,
    close: async () => {
      await standIn.close();
      store.close();
      // Only a build this helper made is its to remove.
      if (!options.staticDir) rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
