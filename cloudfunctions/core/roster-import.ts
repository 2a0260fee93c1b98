import type { RosterRecords } from './domain/roster';
import { issueFirstInvite } from './domain/invite';
import type { Clock, IdSource } from './ports/clock';
import { isDuplicateId, type Store } from './ports/store';
import { saveNewInvite } from './invites';
import type { InviteRecord } from './records';

export type ImportReport = Record<keyof RosterRecords, { added: number; kept: number }>;

/** Parents before children, so a half-finished import never leaves a member without their village. */
const order: (keyof RosterRecords)[] = ['counties', 'townships', 'villages', 'households', 'members'];

/** CloudBase takes one document per call; a few calls in flight keep a county-sized roster to minutes. */
const IN_FLIGHT = 8;

/**
 * Writes a roster's records. What already exists under the same id is kept as it is (a bound
 * member stays bound), so an interrupted import can simply be run again.
 */
export async function importRoster(store: Store, records: RosterRecords): Promise<ImportReport> {
  const report = {} as ImportReport;
  for (const name of order) {
    const counts = { added: 0, kept: 0 };
    const collection = store.collection(name);
    const queue = [...records[name]];
    const worker = async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        try {
          await collection.add(doc);
          counts.added++;
        } catch (e) {
          if (!isDuplicateId(e)) throw e;
          counts.kept++;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    report[name] = counts;
  }
  return report;
}

/** Issues the first invite code of an environment to an unbound office member. */
export async function issueProvisioningInvite(store: Store, memberId: string, clock: Clock, ids: IdSource): Promise<InviteRecord> {
  const target = await store.collection('members').get(memberId);
  if (!target) throw new Error(`no member ${memberId} in the roster`);
  return saveNewInvite(store, ids, (code) => issueFirstInvite({ code, target, now: clock.now() }));
}
