import { DomainError } from './domain-error';
import { ErrorKind } from './error-kind';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
    /** Present on 5xx only: the id under which the stack was logged. */
    errorId?: string;
  };
}

/** The one error shape of every HTTP response and every request-reply error reply. */
export function errorBody(err: DomainError, errorId?: string): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  if (err.details !== undefined) body.error.details = err.details;
  if (errorId !== undefined) body.error.errorId = errorId;
  return body;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * Rebuilds a DomainError from a body received from another service (request-reply), so the caller can
 * rethrow it unchanged. The kind is not part of the body (HTTP carries it as the status); the transport
 * passes it alongside.
 */
export function domainErrorFromBody(body: ErrorBody, kind: ErrorKind): DomainError {
  const { code, message, details } = body.error;
  return new DomainError(code, kind, message, details);
}
