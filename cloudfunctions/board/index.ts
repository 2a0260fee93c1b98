import { toCloudbaseMain } from '../core/handler/cloudbase';
import { boardHandler } from './handler';

export const main = toCloudbaseMain(boardHandler);
