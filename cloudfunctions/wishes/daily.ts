import type { TimerImpl } from '../core/handler/define';
import { checkClaims } from './claims';
import { remindReviewers } from './reminders';

/** The wishes function's one timer (CloudBase allows one per function): review reminders, then claims. */
export const daily: TimerImpl = async (ctx) => ({ ...(await remindReviewers(ctx)), ...(await checkClaims(ctx)) });
