import type { TaskCounts } from '../../types';
import { readSavedCopy, writeSavedCopy } from '../hooks/saved-copy';

const NAME = 'task-counts';

/**
 * The counts of the caller's task tabs as the task list last received them, or null. The home page
 * shows them on its 走访任务 entry without a request of its own: its first paint asks only who the
 * person is and how many messages wait. Kept out of the visit package, which the home page must not load.
 */
export const readTaskCounts = (): TaskCounts | null => readSavedCopy<TaskCounts>(NAME)?.data ?? null;

export const writeTaskCounts = (counts: TaskCounts): void => void writeSavedCopy(NAME, counts);
