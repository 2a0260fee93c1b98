import type CloudBase from '@cloudbase/manager-node';
import tcb from '@cloudbase/node-sdk';
import { z } from 'zod';
import { cloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase-store';
import type { CbDatabase } from '../../cloudfunctions/core/adapters/cloudbase-db';
import type { Store } from '../../cloudfunctions/core/ports/store';

/** What provisioning needs from the CloudBase management API, narrowed so tests can hand in a fake. */
export interface CollectionAdmin {
  /** Creates the collection unless it exists; says which. */
  ensureCollection(name: string): Promise<'created' | 'existed'>;
  /** Makes the collection readable and writable by cloud functions only (仅管理端可读写), and checks it took. */
  lockDown(name: string): Promise<void>;
}

type Manager = Pick<CloudBase, 'database' | 'permission'>;

/*
 * Every read and write goes through the cloud functions, which scope it by role and village.
 * A collection the mini-program could query directly would hand household data to any
 * WeChat user, so anything but ADMINONLY is an error, not a warning.
 */
export function managerAdmin(manager: Manager): CollectionAdmin {
  return {
    async ensureCollection(name) {
      const res = await manager.database.createCollectionIfNotExists(name);
      return res.IsCreated ? 'created' : 'existed';
    },
    async lockDown(name) {
      await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: name, permission: 'ADMINONLY' });
      const res = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: [name] });
      const permission = res.Data.PermissionList.find((p) => p.Resource === name)?.Permission;
      if (permission !== 'ADMINONLY') throw new Error(`collection ${name} is ${permission ?? 'of unknown permission'}, not ADMINONLY`);
    },
  };
}

/** Credentials of a CAM user allowed to manage the environment; never committed, read from the environment. */
const required = (message: string) => z.string({ required_error: message }).min(1, message);
export const cloudEnvSchema = z.object({
  TCB_ENV_ID: required('set TCB_ENV_ID to the CloudBase environment id (or use --local <file>)'),
  TENCENTCLOUD_SECRETID: required('set TENCENTCLOUD_SECRETID to the SecretId of a CAM user that may manage the environment'),
  TENCENTCLOUD_SECRETKEY: required('set TENCENTCLOUD_SECRETKEY to that CAM user\'s SecretKey'),
});
export type CloudEnv = z.infer<typeof cloudEnvSchema>;

export async function openCloud(env: CloudEnv): Promise<{ admin: CollectionAdmin; store: Store }> {
  const { default: Manager } = await import('@cloudbase/manager-node');
  const credentials = { secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY };
  const manager = new Manager({ ...credentials, envId: env.TCB_ENV_ID });
  const app = tcb.init({ ...credentials, env: env.TCB_ENV_ID });
  return { admin: managerAdmin(manager), store: cloudbaseStore(app.database() as unknown as CbDatabase) };
}
