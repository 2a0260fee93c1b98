import { indexes } from '../../cloudfunctions/core/indexes';
import { cloudEnvSchema, indexKeys, managerAdmin, type Manager } from './cloud';

/** A recording stand-in for @cloudbase/manager-node 5.6.5: its database service and its common service. */
interface FakeOptions {
  aclAfter?: string | null;
  exists?: boolean;
  indexesThere?: unknown[];
}

function fakeManager({ aclAfter = 'ADMINONLY', exists = false, indexesThere = [] }: FakeOptions = {}) {
  const calls: unknown[][] = [];
  const manager: Manager = {
    database: {
      createCollectionIfNotExists: async (name: string) => {
        calls.push(['database.createCollectionIfNotExists', name]);
        return { RequestId: 'r', IsCreated: !exists, ExistsResult: { RequestId: 'r', Exists: exists } };
      },
      describeCollection: async (name: string) => {
        calls.push(['database.describeCollection', name]);
        return { RequestId: 'r', Indexes: indexesThere as never, IndexNum: indexesThere.length };
      },
      updateCollection: async (name: string, info: unknown) => {
        calls.push(['database.updateCollection', name, info]);
        return { RequestId: 'r' };
      },
    },
    commonService: (service?: string, version?: string) => ({
      call: async (options: { Action: string; Param: Record<string, unknown> }) => {
        calls.push([`commonService(${service}, ${version}).call`, options]);
        return options.Action === 'DescribeDatabaseACL' ? { AclTag: aclAfter ?? undefined, RequestId: 'r' } : { RequestId: 'r' };
      },
    }),
  };
  return { calls, admin: managerAdmin(manager, 'env-1') };
}

describe('the CloudBase collection admin', () => {
  it('creates a missing collection and says whether it already existed', async () => {
    expect(await fakeManager().admin.ensureCollection('households')).toBe('created');
    expect(await fakeManager({ exists: true }).admin.ensureCollection('households')).toBe('existed');
  });

  it('sets a collection to ADMINONLY with the database ACL API and reads it back', async () => {
    const { calls, admin } = fakeManager();
    await admin.lockDown('households');
    expect(calls).toEqual([
      [
        'commonService(tcb, 2018-06-08).call',
        { Action: 'ModifyDatabaseACL', Param: { EnvId: 'env-1', CollectionName: 'households', AclTag: 'ADMINONLY' } },
      ],
      ['commonService(tcb, 2018-06-08).call', { Action: 'DescribeDatabaseACL', Param: { EnvId: 'env-1', CollectionName: 'households' } }],
    ]);
  });

  it('fails when the collection stays readable by the mini-program', async () => {
    await expect(fakeManager({ aclAfter: 'READONLY' }).admin.lockDown('households')).rejects.toThrow(
      'collection households is READONLY, not ADMINONLY',
    );
    await expect(fakeManager({ aclAfter: null }).admin.lockDown('households')).rejects.toThrow('of unknown permission');
  });

  it("creates the declared indexes in one UpdateTable call, each ending in _id in its last key's direction", async () => {
    const { calls, admin } = fakeManager();
    expect(await admin.ensureIndexes('wishes', indexes.wishes)).toEqual(indexes.wishes.map((i) => i.name));
    expect(calls[0]).toEqual(['database.describeCollection', 'wishes']);
    expect(calls.slice(1)).toEqual([
      [
        'database.updateCollection',
        'wishes',
        {
          CreateIndexes: indexes.wishes.map((spec) => ({
            IndexName: spec.name,
            MgoKeySchema: { MgoIndexKeys: indexKeys(spec), MgoIsUnique: false },
          })),
        },
      ],
    ]);
    const household = indexes.wishes.find((i) => i.name === 'household_created')!;
    expect(indexKeys(household)).toEqual([
      { Name: 'householdId', Direction: '1' },
      { Name: 'createdAt', Direction: '-1' },
      { Name: '_id', Direction: '-1' },
    ]);
  });

  it('creates only what is missing, nothing when all is there, and refuses an index of the same name with other keys', async () => {
    const [first, ...rest] = indexes.wishes;
    const there = fakeManager({ indexesThere: [{ Name: first.name, Keys: indexKeys(first) }] });
    expect(await there.admin.ensureIndexes('wishes', indexes.wishes)).toEqual(rest.map((i) => i.name));
    const all = fakeManager({ indexesThere: indexes.wishes.map((i) => ({ Name: i.name, Keys: indexKeys(i) })) });
    expect(await all.admin.ensureIndexes('wishes', indexes.wishes)).toEqual([]);
    expect(all.calls.map((c) => c[0])).toEqual(['database.describeCollection']);
    const other = fakeManager({ indexesThere: [{ Name: first.name, Keys: [{ Name: 'text', Direction: '1' }] }] });
    await expect(other.admin.ensureIndexes('wishes', indexes.wishes)).rejects.toThrow(`index wishes.${first.name} exists with other keys`);
    expect(other.calls.filter((c) => c[0] === 'database.updateCollection')).toEqual([]);
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
