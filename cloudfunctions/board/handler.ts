import { boardContract } from '../../types/board';
import { defineHandler } from '../core/handler/define';
import { listActions } from './list';
import { moderationActions } from './moderation';
import { postActions } from './post';

export const boardHandler = defineHandler(boardContract, { ...listActions, ...postActions, ...moderationActions });
