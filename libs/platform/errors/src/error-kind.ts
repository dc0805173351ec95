/**
 * What went wrong, independent of the transport. HTTP maps it to a status; Kafka consumers map it to
 * retry (unavailable, internal) or dead-letter (everything else).
 */
export type ErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'unavailable' | 'internal';

export const ERROR_KINDS: readonly ErrorKind[] = [
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'unavailable',
  'internal',
];

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
};

export function httpStatusOf(kind: ErrorKind): number {
  return STATUS_BY_KIND[kind];
}

/** The reverse mapping, for HttpExceptions thrown by Nest itself (404 route, 413 body too large, …). */
export function kindOfHttpStatus(status: number): ErrorKind {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'invalid';
  }
}

/** Failures worth retrying later: the same request may succeed once a dependency is back. */
export function isRetryableKind(kind: ErrorKind): boolean {
  return kind === 'unavailable' || kind === 'internal';
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}
