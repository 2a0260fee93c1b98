import { findAll } from '../../cloudfunctions/core/paging';
import { collections } from '../../cloudfunctions/core/ports/store';
import { makeWorld } from '../support/world';
import type { DocDb } from './docdb';

/**
 * How the CloudBase CLI renders `{{env.NAME}}` in cloudbaserc.json's envVariables
 * (mustache over the variables of .env and .env.local): a name that is not set becomes
 * an empty string, not an absent variable.
 */
export const renderEnvVariables = (vars: Record<string, string> | undefined, dotenv: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(vars ?? {}).map(([k, v]) => [k, v.replace(/\{\{\s*env\.(\w+)\s*\}\}/g, (_, name: string) => dotenv[name] ?? '')]),
  );

/** The county of the handler tests (test/support/world.ts), copied into the fake gateway's database. */
export async function seedWorld(db: DocDb): Promise<void> {
  const world = await makeWorld();
  for (const name of collections) {
    const docs = await findAll(world.store.collection(name), {});
    if (docs.length) db.insert(name, docs as unknown as Record<string, unknown>[]);
  }
  world.store.close();
}
