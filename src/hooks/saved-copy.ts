import { loadItem, saveItem, userKey } from '../services/user-storage';

/** What a list or page received last, kept on the phone to be shown at once next time and while offline. */
export interface SavedCopy<T> {
  /** When it was received from the cloud (ISO). */
  savedAt: string;
  data: T;
}

/**
 * The saved copy under `name` for the person using the app, or null. The data is trusted to have
 * the shape the page expects: a page whose data changes shape changes the name (e.g. 'my-wishes@2').
 */
export function readSavedCopy<T>(name: string | undefined): SavedCopy<T> | null {
  if (name === undefined) return null;
  const stored = loadItem(userKey('cache', name)) as Partial<SavedCopy<T>> | undefined;
  return typeof stored?.savedAt === 'string' && stored.data !== undefined ? { savedAt: stored.savedAt, data: stored.data } : null;
}

/** Keeps `data` as received now; answers when that was (ISO). */
export function writeSavedCopy<T>(name: string, data: T): string {
  const savedAt = new Date().toISOString();
  saveItem(userKey('cache', name), { savedAt, data } satisfies SavedCopy<T>);
  return savedAt;
}
