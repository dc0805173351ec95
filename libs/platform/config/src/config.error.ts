export interface ConfigIssue {
  variable: string;
  reason: string;
}

/** Boot-time failure listing every bad variable at once, so one restart fixes them all. Never holds values. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} variable${issues.length > 1 ? 's' : ''}):\n${issues.map((i) => `  ${i.variable}: ${i.reason}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
