import { tasksContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import { careActions } from './care';
import { changeActions } from './change';
import { daily } from './daily';
import { listActions } from './list';
import { policyActions } from './policy';
import { reportActions } from './report';

export const tasksHandler = defineHandler(
  tasksContract,
  { ...listActions, ...reportActions, ...careActions, ...changeActions, ...policyActions },
  { daily },
);
