import type CloudBase from '@cloudbase/manager-node';
import tcb from '@cloudbase/node-sdk';
import { z } from 'zod';
import { cloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase-store';
import type { CbDatabase } from '../../cloudfunctions/core/adapters/cloudbase-db';
import type { Store } from '../../cloudfunctions/core/ports/store';

/** An index of cloudfunctions/core/indexes.ts, of any collection. */
export interface DeclaredIndex {
  name: string;
  keys: readonly { field: string; direction: 'asc' | 'desc' }[];
}

/** What provisioning needs from the CloudBase management API, narrowed so tests can hand in a fake. */
export interface CollectionAdmin {
  /** Creates the collection unless it exists; says which. */
  ensureCollection(name: string): Promise<'created' | 'existed'>;
  /** Makes the collection readable and writable by cloud functions only (仅管理端可读写), and checks it took. */
  lockDown(name: string): Promise<void>;
  /** Creates the declared indexes the collection lacks and names them; an index of the same name with other keys is an error. */
  ensureIndexes(name: string, specs: readonly DeclaredIndex[]): Promise<string[]>;
}

/** The parts of @cloudbase/manager-node 5.6.5 used here. */
export type Manager = {
  database: Pick<CloudBase['database'], 'createCollectionIfNotExists' | 'describeCollection' | 'updateCollection'>;
  commonService: (service?: string, version?: string) => Pick<ReturnType<CloudBase['commonService']>, 'call'>;
};

interface IndexKey {
  Name: string;
  Direction: string;
}

/**
 * The keys CloudBase gets for a declared index: its fields, then `_id` in the direction of
 * the last one, which keyset paging sorts on to break ties (MongoDB, unlike the embedded
 * store, does not add it by itself). Directions are UpdateTable's strings "1" and "-1".
 */
export function indexKeys(spec: DeclaredIndex): IndexKey[] {
  const keys = spec.keys.map((k) => ({ Name: k.field, Direction: k.direction === 'desc' ? '-1' : '1' }));
  if (keys.some((k) => k.Name === '_id')) return keys;
  return [...keys, { Name: '_id', Direction: keys[keys.length - 1]?.Direction ?? '1' }];
}

const sameKeys = (a: IndexKey[], b: readonly { Name?: string; Direction?: string }[]) =>
  a.length === b.length && a.every((k, i) => k.Name === b[i].Name && k.Direction === String(b[i].Direction));

/*
 * Every read and write goes through the cloud functions, which scope it by role and village.
 * A collection the mini-program could query directly would hand household data to any
 * WeChat user, so anything but ADMINONLY is an error, not a warning. The ACL is set with
 * the database ACL API of tcb 2018-06-08 (ModifyDatabaseACL / DescribeDatabaseACL), through
 * manager-node's common service: its permission service is deprecated in 5.6.5.
 */
export function managerAdmin(manager: Manager, envId: string): CollectionAdmin {
  const tcbApi = () => manager.commonService('tcb', '2018-06-08');
  return {
    async ensureCollection(name) {
      const res = await manager.database.createCollectionIfNotExists(name);
      return res.IsCreated ? 'created' : 'existed';
    },

    async lockDown(name) {
      await tcbApi().call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: name, AclTag: 'ADMINONLY' } });
      const res = (await tcbApi().call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: name } })) as {
        AclTag?: string;
      };
      if (res.AclTag !== 'ADMINONLY') throw new Error(`collection ${name} is ${res.AclTag ?? 'of unknown permission'}, not ADMINONLY`);
    },

    async ensureIndexes(name, specs) {
      const existing = (await manager.database.describeCollection(name)).Indexes ?? [];
      const missing = [];
      for (const spec of specs) {
        const found = existing.find((i) => i.Name === spec.name);
        if (!found) missing.push(spec);
        else if (!sameKeys(indexKeys(spec), found.Keys ?? [])) {
          throw new Error(
            `index ${name}.${spec.name} exists with other keys (${JSON.stringify(found.Keys)}); drop it in the CloudBase console and run again`,
          );
        }
      }
      if (missing.length > 0) {
        await manager.database.updateCollection(name, {
          CreateIndexes: missing.map((spec) => ({
            IndexName: spec.name,
            MgoKeySchema: { MgoIndexKeys: indexKeys(spec), MgoIsUnique: false },
          })),
        });
      }
      return missing.map((s) => s.name);
    },
  };
}

/** Credentials of a CAM user allowed to manage the environment; never committed, read from the environment. */
const required = (message: string) => z.string({ required_error: message }).min(1, message);
export const cloudEnvSchema = z.object({
  TCB_ENV_ID: required('set TCB_ENV_ID to the CloudBase environment id (or use --local <file>)'),
  TENCENTCLOUD_SECRETID: required('set TENCENTCLOUD_SECRETID to the SecretId of a CAM user that may manage the environment'),
  TENCENTCLOUD_SECRETKEY: required("set TENCENTCLOUD_SECRETKEY to that CAM user's SecretKey"),
});
export type CloudEnv = z.infer<typeof cloudEnvSchema>;

export async function openCloud(env: CloudEnv): Promise<{ admin: CollectionAdmin; store: Store }> {
  const { default: Manager } = await import('@cloudbase/manager-node');
  const credentials = { secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY };
  const manager = new Manager({ ...credentials, envId: env.TCB_ENV_ID });
  const app = tcb.init({ ...credentials, env: env.TCB_ENV_ID });
  const db: CbDatabase = app.database();
  return { admin: managerAdmin(manager, env.TCB_ENV_ID), store: cloudbaseStore(db) };
}
