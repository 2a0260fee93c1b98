import { cloudEnvSchema, managerAdmin } from './cloud';

/** A recording stand-in for @cloudbase/manager-node's database and permission services. */
function fakeManager(permissionAfter: string | undefined, exists = false) {
  const calls: unknown[] = [];
  const manager = {
    database: {
      createCollectionIfNotExists: async (name: string) => {
        calls.push(['createCollectionIfNotExists', name]);
        return { RequestId: 'r', IsCreated: !exists, ExistsResult: { Exists: exists } };
      },
    },
    permission: {
      modifyResourcePermission: async (options: unknown) => {
        calls.push(['modifyResourcePermission', options]);
        return { Data: { Success: true }, RequestId: 'r' };
      },
      describeResourcePermission: async (options: unknown) => {
        calls.push(['describeResourcePermission', options]);
        const list = permissionAfter === undefined ? [] : [{ ResourceType: 'collection', Resource: 'households', Permission: permissionAfter }];
        return { Data: { TotalCount: list.length, PermissionList: list }, RequestId: 'r' };
      },
    },
  };
  return { calls, admin: managerAdmin(manager as never) };
}

describe('the CloudBase collection admin', () => {
  it('creates a missing collection and says whether it already existed', async () => {
    expect(await fakeManager('ADMINONLY').admin.ensureCollection('households')).toBe('created');
    expect(await fakeManager('ADMINONLY', true).admin.ensureCollection('households')).toBe('existed');
  });

  it('sets a collection to ADMINONLY and reads it back', async () => {
    const { calls, admin } = fakeManager('ADMINONLY');
    await admin.lockDown('households');
    expect(calls).toEqual([
      ['modifyResourcePermission', { resourceType: 'collection', resource: 'households', permission: 'ADMINONLY' }],
      ['describeResourcePermission', { resourceType: 'collection', resources: ['households'] }],
    ]);
  });

  it('fails when the collection stays readable by the mini-program', async () => {
    await expect(fakeManager('READONLY').admin.lockDown('households')).rejects.toThrow('collection households is READONLY, not ADMINONLY');
    await expect(fakeManager(undefined).admin.lockDown('households')).rejects.toThrow('of unknown permission');
  });

  it('asks for every credential it lacks, by name', () => {
    const res = cloudEnvSchema.safeParse({ TCB_ENV_ID: 'env-1' });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('TENCENTCLOUD_SECRETID'),
      expect.stringContaining('TENCENTCLOUD_SECRETKEY'),
    ]);
  });
});
