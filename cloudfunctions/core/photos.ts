import { DomainError } from './domain/errors';
import type { Deps } from './handler/deps';

/** Photo ids the client sent must name files that were uploaded, not ids made up or mistyped. */
export async function checkPhotos(deps: Pick<Deps, 'files'>, photos: readonly string[]): Promise<string[]> {
  const unique = [...new Set(photos)];
  if (unique.length === 0) return unique;
  const found = await deps.files.exists(unique);
  if (found.some((ok) => !ok)) throw new DomainError('COMMON.INVALID_INPUT', 'a photo id names no stored file');
  return unique;
}
