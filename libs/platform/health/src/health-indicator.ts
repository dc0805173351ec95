import { Provider, Type } from '@nestjs/common';

/** One dependency the service needs to serve traffic. `check` resolves when it is up and throws when down. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * The indicators of the application: an array every platform lib appends to (Nest has no multi-providers,
 * so provideHealthIndicator does the appending from a factory).
 */
export const HEALTH_INDICATORS = 'demarches:HEALTH_INDICATORS';

export interface HealthOptions {
  /** Upper bound of one check; a hung dependency reports down instead of hanging the probe. */
  checkTimeoutMs: number;
}

export const HEALTH_OPTIONS = 'demarches:HEALTH_OPTIONS';

/**
 * Providers that instantiate `cls` and register it as a readiness indicator. Put the result in the lib
 * module's providers. Without HealthModule (scripts, tests) the indicator is simply not registered.
 */
export function provideHealthIndicator(cls: Type<HealthIndicator>): Provider[] {
  return [
    cls,
    {
      provide: Symbol(`health-indicator:${cls.name}`),
      useFactory: (indicator: HealthIndicator, indicators?: HealthIndicator[]) => {
        if (indicators && !indicators.includes(indicator)) indicators.push(indicator);
        return indicator;
      },
      inject: [cls, { token: HEALTH_INDICATORS, optional: true }],
    },
  ];
}
