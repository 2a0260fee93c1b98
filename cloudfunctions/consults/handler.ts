import { consultsContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import { handleActions } from './handle';
import { hourly } from './hourly';
import { legalCardActions } from './legal-card';
import { listActions } from './lists';
import { submitActions } from './submit';
import { threadActions } from './thread';

export const consultsHandler = defineHandler(
  consultsContract,
  { ...submitActions, ...listActions, ...handleActions, ...threadActions, ...legalCardActions },
  { hourly },
);
