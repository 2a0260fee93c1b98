import { toCloudbaseMain } from '../core/handler/cloudbase';
import { wishesHandler } from './handler';

export const main = toCloudbaseMain(wishesHandler);
