import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../cloudfunctions/core/ports/clock';
import { cryptoIds } from '../../cloudfunctions/core/ids';
import { openLocalStore } from '../../local/deps';
import { cloudEnvSchema, openCloud } from './cloud';
import { provision } from './provision';

const usage = `usage: npm run provision -- <roster.json> [--invite <office member id>]... [--local <sqlite file>]

Loads a roster (see docs/roster.example.json) into the CloudBase environment named by
TCB_ENV_ID, with TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY of a CAM user that may
manage it; or, with --local, into a local SQLite file such as .data/village.db.
Creates every collection, readable and writable by cloud functions only, then the roster.
Running it again adds what is new and keeps what is there. --invite prints a first
invite code for an office member, who then brings everyone else in from the app.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { invite: { type: 'string', multiple: true }, local: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const rosterJson = readFileSync(positionals[0], 'utf8');

  let target;
  if (values.local) {
    target = { store: openLocalStore(values.local), admin: undefined };
  } else {
    const env = cloudEnvSchema.safeParse(process.env);
    if (!env.success) {
      console.error(env.error.issues.map((i) => i.message).join('\n'));
      return 2;
    }
    target = await openCloud(env.data);
  }

  const result = await provision({
    rosterJson,
    ...target,
    inviteFor: values.invite ?? [],
    clock: systemClock,
    ids: cryptoIds,
    log: (line) => console.log(line),
  });
  if (!result.ok) {
    console.error('花名册有问题，什么都没有写入：');
    for (const p of result.problems) console.error(`  - ${p}`);
    return 1;
  }
  for (const i of result.invites) console.log(`\n首个邀请码 for ${i.name} (${i.memberId}): ${i.code}  (valid until ${i.expiresAt})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
