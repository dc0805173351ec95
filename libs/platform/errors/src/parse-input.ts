import type { ZodType, ZodTypeDef } from 'zod';
import { DomainError } from './domain-error';

/**
 * Validates input crossing a boundary (HTTP body, query, message) against a zod schema. On failure it throws one
 * VALIDATION_FAILED error listing every problem with its path, so the caller can fix them all at once.
 */
export function parseInput<T>(
  schema: ZodType<T, ZodTypeDef, unknown>,
  input: unknown,
  what = 'La requête',
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const violations = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(racine)',
    message: issue.message,
  }));
  throw new DomainError(
    'VALIDATION_FAILED',
    'invalid',
    `${what} est invalide : ${violations.map((v) => `${v.path} — ${v.message}`).join(' ; ')}.`,
    { violations },
  );
}
