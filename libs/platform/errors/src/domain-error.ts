import { ErrorKind } from './error-kind';

/**
 * The only error domain code throws. `code` is a stable UPPER_SNAKE identifier clients may branch on;
 * `message` is human-readable (French where users see it); `details` must never hold personal data,
 * because it is logged and returned to the caller.
 */
export class DomainError<C extends string = string> extends Error {
  readonly code: C;
  readonly kind: ErrorKind;
  readonly details?: Record<string, unknown>;

  constructor(code: C, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.kind = kind;
    if (details !== undefined) this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
