import type { CommandError } from '@demarches/contracts';
import { DomainError, isErrorKind } from '@demarches/platform-errors';

/** The error branch of a command reply (every reply message has `oneof result { ok; CommandError error }`). */
export function errorReply(error: DomainError): { error: CommandError } {
  const reply: CommandError = { code: error.code, message: error.message, kind: error.kind };
  if (error.details !== undefined) reply.detailsJson = JSON.stringify(error.details);
  return { error: reply };
}

/** The DomainError the owner threw, rebuilt on the caller's side. */
export function domainErrorFromReply(error: CommandError): DomainError {
  const kind = isErrorKind(error.kind) ? error.kind : 'internal';
  let details: Record<string, unknown> | undefined;
  if (error.detailsJson) {
    try {
      details = JSON.parse(error.detailsJson) as Record<string, unknown>;
    } catch {
      details = undefined;
    }
  }
  return new DomainError(error.code, kind, error.message, details);
}
