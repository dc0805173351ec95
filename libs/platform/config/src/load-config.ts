import { z } from 'zod';
import { ConfigError, ConfigIssue } from './config.error';

/**
 * Validates the environment once at boot and returns the typed config object.
 * Empty strings count as unset, so `FOO=` in a .env file falls back to the default instead of failing.
 */
export function loadConfig<S extends z.AnyZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') input[name] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(issuesOf(result.error));
}

function issuesOf(error: z.ZodError): ConfigIssue[] {
  const byVariable = new Map<string, string>();
  for (const issue of error.issues) {
    const variable = issue.path.length > 0 ? issue.path.join('.') : '(environment)';
    if (!byVariable.has(variable)) byVariable.set(variable, reasonOf(issue));
  }
  return [...byVariable].map(([variable, reason]) => ({ variable, reason }));
}

/**
 * Zod's default messages sometimes quote the received value ("received 'hunter2'"); a secret must never
 * reach the logs through a config error, so reasons are rebuilt from the issue's structure only.
 */
function reasonOf(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? 'is required' : `must be a ${issue.expected}`;
    case 'invalid_enum_value':
      return `must be one of ${issue.options.map(String).join(', ')}`;
    case 'invalid_literal':
      return `must be ${String(issue.expected)}`;
    case 'invalid_string':
      return typeof issue.validation === 'string'
        ? `must be a valid ${issue.validation}`
        : 'has an invalid format';
    case 'too_small':
      return issue.type === 'string'
        ? `must be at least ${String(issue.minimum)} characters long`
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.type === 'string'
        ? `must be at most ${String(issue.maximum)} characters long`
        : `must be at most ${String(issue.maximum)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.multipleOf)}`;
    case 'custom':
      // Custom messages are written in this codebase (see schema helpers), never from the value.
      return issue.message;
    default:
      return 'is invalid';
  }
}
