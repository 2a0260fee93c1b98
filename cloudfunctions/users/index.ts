import { toCloudbaseMain } from '../core/handler/cloudbase';
import { usersHandler } from './handler';

export const main = toCloudbaseMain(usersHandler);
