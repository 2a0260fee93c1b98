import { wishesContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import { claimActions } from './claims';
import { daily } from './daily';
import { ledgerActions } from './ledger';
import { reviewActions } from './review';
import { submitActions } from './submit';
import { wallActions } from './wall';

export const wishesHandler = defineHandler(
  wishesContract,
  { ...submitActions, ...reviewActions, ...wallActions, ...claimActions, ...ledgerActions },
  { daily },
);
