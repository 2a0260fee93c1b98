import { toCloudbaseMain } from '../core/handler/cloudbase';
import { noticesHandler } from './handler';

export const main = toCloudbaseMain(noticesHandler);
