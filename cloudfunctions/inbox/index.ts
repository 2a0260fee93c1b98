import { toCloudbaseMain } from '../core/handler/cloudbase';
import { inboxHandler } from './handler';

export const main = toCloudbaseMain(inboxHandler);
