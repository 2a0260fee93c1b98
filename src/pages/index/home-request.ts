import { callCloud } from '../../services/cloud';
import { inboxContract } from '../../../types/inbox';
import { usersContract } from '../../../types/users';

export type HomeAnswers = [
  PromiseSettledResult<Awaited<ReturnType<typeof callCloud<typeof usersContract, 'whoami'>>>>,
  PromiseSettledResult<Awaited<ReturnType<typeof callCloud<typeof inboxContract, 'list'>>>>,
];

/** The profile and the unread count, asked at the same time: one round trip's wait, not two. */
const ask = (): Promise<HomeAnswers> =>
  Promise.allSettled([callCloud(usersContract, 'whoami', {}), callCloud(inboxContract, 'list', { limit: 1 })]);

/** An early answer older than this is not used: the person went elsewhere first. */
const EARLY_FOR_MS = 30_000;
let early: { answer: Promise<HomeAnswers>; at: number } | null = null;

/**
 * Asks before the home page's code has even loaded (called at app launch): on a slow network the
 * two calls then overlap the download of the page, instead of starting after it.
 */
export function askHomeEarly(): void {
  early ??= { answer: ask(), at: Date.now() };
}

/** The early answer the first time (if there is one), a fresh request every other time. */
export function askHome(): Promise<HomeAnswers> {
  const fresh = early !== null && Date.now() - early.at < EARLY_FOR_MS ? early.answer : null;
  early = null;
  return fresh ?? ask();
}
