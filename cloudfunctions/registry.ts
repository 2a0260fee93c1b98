import type { FunctionHandler } from './core/handler/define';
import { inboxHandler } from './inbox/handler';
import { usersHandler } from './users/handler';
import { wishesHandler } from './wishes/handler';

/** Every deployable cloud function's handler, by function name. The stand-in serves exactly these. */
export const handlers: Record<string, FunctionHandler> = {
  users: usersHandler,
  wishes: wishesHandler,
  inbox: inboxHandler,
};
