import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { inboxNotifier } from '../../cloudfunctions/core/adapters/inbox-notifier';
import { keywordContentCheck } from '../../cloudfunctions/core/adapters/keyword-content-check';
import { localFiles, memoryBlobs } from '../../cloudfunctions/core/adapters/local-files';
import { localQrCodes } from '../../cloudfunctions/core/adapters/local-qr-codes';
import type { Deps } from '../../cloudfunctions/core/handler/deps';
import { indexes } from '../../cloudfunctions/core/indexes';
import { collections } from '../../cloudfunctions/core/ports/store';
import { usersHandler } from '../../cloudfunctions/users/handler';
import { dataOf, testClock, testIds } from '../../test/support/world';
import type { CollectionAdmin } from './cloud';
import { provision } from './provision';

const rosterJson = readFileSync(join(__dirname, '../../docs/roster.example.json'), 'utf8');

describe('provisioning an environment from a roster', () => {
  let store: SqliteStore;
  let calls: string[];
  let documentsAtLockDown: number[];
  let admin: CollectionAdmin;
  const clock = testClock();
  const ids = testIds();
  const lines: string[] = [];
  const run = (json: string, inviteFor: string[] = []) =>
    provision({ rosterJson: json, store, admin, inviteFor, clock, ids, log: (l) => lines.push(l) });
  const count = async () => (await Promise.all(collections.map((c) => store.collection(c).count({})))).reduce((a, b) => a + b, 0);

  beforeEach(() => {
    store = openSqliteStore(':memory:');
    calls = [];
    documentsAtLockDown = [];
    admin = {
      ensureCollection: async (name) => {
        calls.push(`ensure ${name}`);
        return 'created';
      },
      lockDown: async (name) => {
        calls.push(`lock ${name}`);
        documentsAtLockDown.push(await count());
      },
      ensureIndexes: async (name, specs) => {
        calls.push(`index ${name} ${specs.map((s) => s.name).join(',')}`);
        documentsAtLockDown.push(await count());
        return specs.map((s) => s.name);
      },
    };
  });
  afterEach(() => store.close());

  it('creates, locks down and indexes every collection, then writes the roster', async () => {
    const result = await run(rosterJson);
    expect(result).toMatchObject({ ok: true, report: { households: { added: 3, kept: 0 }, members: { added: 5, kept: 0 } } });
    // Each collection gets exactly the indexes cloudfunctions/core/indexes.ts declares for it.
    expect(calls).toEqual(
      collections.flatMap((c) => [`ensure ${c}`, `lock ${c}`, `index ${c} ${indexes[c].map((i) => i.name).join(',')}`]),
    );
    expect(lines).toContainEqual(
      `collection wishes: created, ADMINONLY, ${indexes.wishes.length} indexes (created ${indexes.wishes.map((i) => i.name).join(', ')})`,
    );
    // Every collection is locked down and indexed before the first piece of personal data is written.
    expect(documentsAtLockDown.every((n) => n === 0)).toBe(true);
    expect(await store.collection('villages').count({})).toBe(1);
    // The example names no agro-region: its village follows the North China plain's farming calendar.
    expect((await store.collection('villages').get('v-example'))?.agroRegion).toBe('north_china_plain');
  });

  it('writes nothing and names the problems when the roster is wrong', async () => {
    const broken = JSON.parse(rosterJson);
    broken.staff[2].pairedHouseholdIds = ['h-nowhere'];
    expect(await run(JSON.stringify(broken))).toEqual({
      ok: false,
      problems: ['staff.2.pairedHouseholdIds.0：结对农户 h-nowhere 不在该帮扶责任人所在村'],
    });
    expect(await run('{ "county": ')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^花名册不是合法的 JSON/)] });
    expect(await run(rosterJson, ['m-example-cadre', 'm-nobody'])).toEqual({
      ok: false,
      problems: ['--invite m-example-cadre：首个邀请码只发给驻村办人员，其他人由他们邀请', '--invite m-nobody：花名册里没有这个人'],
    });
    expect(calls).toEqual([]);
    expect(await count()).toBe(0);
  });

  it('gives the office a first invite code that binds, and keeps bindings when run again', async () => {
    const first = await run(rosterJson, ['m-example-office']);
    if (!first.ok) throw new Error(first.problems.join());
    expect(first.invites).toEqual([
      { memberId: 'm-example-office', name: '周示例', code: expect.stringMatching(/^[A-Z2-9]{8}$/), expiresAt: '2026-12-01T02:00:00.000Z' },
    ]);

    const deps: Deps = {
      store,
      clock,
      ids,
      notifier: inboxNotifier(store, clock),
      qr: localQrCodes('http://127.0.0.1'),
      content: keywordContentCheck(),
      files: localFiles(memoryBlobs(), () => clock.now()),
      warnings: { current: async () => [] },
      log: { warn: () => undefined, info: () => undefined, error: () => undefined },
    };
    const bound = await usersHandler.invoke(
      { action: 'bind', input: { code: first.invites[0].code } },
      { openid: 'wx-office', source: 'client' },
      deps,
    );
    expect(dataOf(bound)).toMatchObject({ role: 'office', name: '周示例' });
    // The office can now bring in the village's cadre.
    const invite = await usersHandler.invoke(
      { action: 'issueInvite', input: { memberId: 'm-example-cadre' } },
      { openid: 'wx-office', source: 'client' },
      deps,
    );
    expect(invite.ok).toBe(true);

    const again = await run(rosterJson);
    expect(again).toMatchObject({ ok: true, report: { members: { added: 0, kept: 5 }, households: { added: 0, kept: 3 } } });
    expect((await store.collection('members').get('m-example-office'))?.openid).toBe('wx-office');
  });

  it('adds what a longer roster brings and keeps the rest', async () => {
    await run(rosterJson);
    const longer = JSON.parse(rosterJson);
    longer.townships[0].villages[0].households.push({
      id: 'h-example-04',
      address: '二组 4 号',
      headName: '刘示例',
      category: 'ordinary',
      size: 1,
      phone: '100-0000-0004',
    });
    expect(await run(JSON.stringify(longer))).toMatchObject({ ok: true, report: { households: { added: 1, kept: 3 } } });
  });
});
