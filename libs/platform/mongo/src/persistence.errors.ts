import { DomainError } from '@demarches/platform-errors';

export enum PersistenceErrorCode {
  STALE_VERSION = 'STALE_VERSION',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE_ID = 'DUPLICATE_ID',
}

/** Someone else changed the aggregate since it was read: reload and retry, or tell the user. */
export class ConcurrencyError extends DomainError<PersistenceErrorCode.STALE_VERSION> {
  constructor(aggregate: string, id: string, expectedVersion: number) {
    super(PersistenceErrorCode.STALE_VERSION, 'conflict', `${aggregate} was modified concurrently`, {
      aggregate,
      id,
      expectedVersion,
    });
  }
}

export class AggregateNotFoundError extends DomainError<PersistenceErrorCode.NOT_FOUND> {
  constructor(aggregate: string, id: string) {
    super(PersistenceErrorCode.NOT_FOUND, 'not_found', `${aggregate} not found`, { aggregate, id });
  }
}

export class DuplicateAggregateError extends DomainError<PersistenceErrorCode.DUPLICATE_ID> {
  constructor(aggregate: string, id: string) {
    super(PersistenceErrorCode.DUPLICATE_ID, 'conflict', `${aggregate} already exists`, { aggregate, id });
  }
}

/** MongoDB duplicate key (E11000), also what FerretDB answers on a unique index violation. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
