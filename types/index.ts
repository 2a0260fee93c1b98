export * from './common';
export * from './contract';
export * from './errors';
export * from './users';
export * from './invite-code';
export * from './launch';
export * from './wishes';
export * from './inbox';
export * from './tasks';
export * from './visits';
export * from './consults';
export * from './board';
export * from './notices';
export * from './zod-zh';
export * from './routes';

import { inboxContract } from './inbox';
import { usersContract } from './users';
import { wishesContract } from './wishes';
import { tasksContract } from './tasks';
import { visitsContract } from './visits';
import { consultsContract } from './consults';
import { boardContract } from './board';
import { noticesContract } from './notices';

/** Every cloud function the mini-program can call, by name. */
export const contracts = {
  users: usersContract,
  wishes: wishesContract,
  inbox: inboxContract,
  tasks: tasksContract,
  visits: visitsContract,
  consults: consultsContract,
  board: boardContract,
  notices: noticesContract,
} as const;
export type FunctionName = keyof typeof contracts;
