import type { FunctionName } from '../types';
import type { FunctionHandler } from './core/handler/define';
import { boardHandler } from './board/handler';
import { consultsHandler } from './consults/handler';
import { inboxHandler } from './inbox/handler';
import { noticesHandler } from './notices/handler';
import { tasksHandler } from './tasks/handler';
import { usersHandler } from './users/handler';
import { visitsHandler } from './visits/handler';
import { wishesHandler } from './wishes/handler';

/** Every deployable cloud function's handler, by function name. The stand-in serves exactly these. */
export const handlers = {
  users: usersHandler,
  wishes: wishesHandler,
  inbox: inboxHandler,
  tasks: tasksHandler,
  visits: visitsHandler,
  board: boardHandler,
  consults: consultsHandler,
  notices: noticesHandler,
} as const satisfies Record<FunctionName, FunctionHandler>;

/** The handler of `name`, or null for a name that is not a function (`constructor`, `__proto__`…). */
export const handlerFor = (name: string): FunctionHandler | null =>
  Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name as FunctionName] : null;
