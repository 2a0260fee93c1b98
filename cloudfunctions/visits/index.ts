import { toCloudbaseMain } from '../core/handler/cloudbase';
import { visitsHandler } from './handler';

export const main = toCloudbaseMain(visitsHandler);
