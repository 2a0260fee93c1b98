import { noticesContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import { enterWarningActions } from './enter-warning';
import { listActions } from './list';
import { publishActions } from './publish';
import { readersActions } from './readers';
import { termActions } from './terms';
import { tick } from './tick';

export const noticesHandler = defineHandler(
  noticesContract,
  { ...listActions, ...publishActions, ...readersActions, ...termActions, ...enterWarningActions },
  { tick },
);
