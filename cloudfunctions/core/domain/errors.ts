import type { ErrorCode } from '../../../types';

/** A rule said no. The code is stable; the handler turns it into `{ code, message }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof Error && e.name === 'DomainError' && typeof (e as { code?: unknown }).code === 'string';
