import { toCloudbaseMain } from '../core/handler/cloudbase';
import { consultsHandler } from './handler';

export const main = toCloudbaseMain(consultsHandler);
