import { rosterSchema } from '../../types/roster';
import { rosterRecords } from '../../cloudfunctions/core/domain/roster';
import { importRoster, issueProvisioningInvite, type ImportReport } from '../../cloudfunctions/core/roster-import';
import type { Clock, IdSource } from '../../cloudfunctions/core/ports/clock';
import { indexes } from '../../cloudfunctions/core/indexes';
import { collections, type Store } from '../../cloudfunctions/core/ports/store';
import type { CollectionAdmin } from './cloud';

export interface ProvisionInput {
  /** The roster file's text. */
  rosterJson: string;
  store: Store;
  /** Present for CloudBase: collections are created, locked down and indexed before any data is written. */
  admin?: CollectionAdmin;
  /** Office members who get the environment's first invite codes. */
  inviteFor: string[];
  clock: Clock;
  ids: IdSource;
  log: (line: string) => void;
}

export interface FirstInvite {
  memberId: string;
  name: string;
  code: string;
  expiresAt: string;
}

export type ProvisionResult = { ok: false; problems: string[] } | { ok: true; report: ImportReport; invites: FirstInvite[] };

/** Checks everything first and writes nothing when any of it is wrong. */
export async function provision(input: ProvisionInput): Promise<ProvisionResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(input.rosterJson);
  } catch (e) {
    return { ok: false, problems: [`花名册不是合法的 JSON：${(e as Error).message}`] };
  }
  const parsed = rosterSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`) };
  }
  const records = rosterRecords(parsed.data);
  const problems = input.inviteFor.flatMap((id) => {
    const m = records.members.find((x) => x._id === id);
    if (!m) return [`--invite ${id}：花名册里没有这个人`];
    return m.role === 'office' ? [] : [`--invite ${id}：首个邀请码只发给驻村办人员，其他人由他们邀请`];
  });
  if (problems.length > 0) return { ok: false, problems };

  if (input.admin) {
    for (const name of collections) {
      const state = await input.admin.ensureCollection(name);
      await input.admin.lockDown(name);
      // The same indexes the embedded store creates: every query the functions make is served by one.
      const created = await input.admin.ensureIndexes(name, indexes[name]);
      input.log(
        `collection ${name}: ${state}, ADMINONLY, ${indexes[name].length} indexes${created.length ? ` (created ${created.join(', ')})` : ''}`,
      );
    }
  }
  const report = await importRoster(input.store, records);
  for (const [name, { added, kept }] of Object.entries(report)) input.log(`${name}: ${added} added, ${kept} already there`);

  const invites: FirstInvite[] = [];
  for (const memberId of input.inviteFor) {
    const invite = await issueProvisioningInvite(input.store, memberId, input.clock, input.ids);
    const name = records.members.find((m) => m._id === memberId)!.name;
    invites.push({ memberId, name, code: invite._id, expiresAt: invite.expiresAt });
  }
  return { ok: true, report, invites };
}
