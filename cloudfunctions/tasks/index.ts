import { toCloudbaseMain } from '../core/handler/cloudbase';
import { tasksHandler } from './handler';

export const main = toCloudbaseMain(tasksHandler);
