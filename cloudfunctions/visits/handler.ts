import { visitsContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import { householdActions } from './household';
import { householdsActions } from './households';
import { logActions } from './log';

export const visitsHandler = defineHandler(visitsContract, { ...logActions, ...householdActions, ...householdsActions });
