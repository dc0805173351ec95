import { ConcurrencyError } from '@demarches/platform-mongo';

/** A stale write: somebody changed the dossier between the sweep's read and its write. */
export function isConcurrencyError(error: unknown): boolean {
  return error instanceof ConcurrencyError;
}
