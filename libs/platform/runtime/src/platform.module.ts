import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { InternalAuthModule } from '@demarches/platform-auth';
import { APP_CONFIG } from '@demarches/platform-config';
import { DomainErrorFilter } from '@demarches/platform-errors';
import { HealthModule } from '@demarches/platform-health';
import { LoggingModule } from '@demarches/platform-logging';
import { MetricsModule } from '@demarches/platform-metrics';
import { RuntimeConfig } from './runtime-config';

export interface PlatformOptions<C extends RuntimeConfig> {
  config: C;
  /**
   * 'internal' (default): every route requires the gateway-signed identity (config.INTERNAL_TOKEN_SECRET).
   * 'none': only for the gateway, which authenticates end users itself.
   */
  auth?: 'internal' | 'none';
  healthCheckTimeoutMs?: number;
}

/** Everything a service needs from the platform in one import: config, logs, metrics, probes, errors, auth. */
@Module({})
export class PlatformModule {
  static forRoot<C extends RuntimeConfig>({
    config,
    auth = 'internal',
    healthCheckTimeoutMs,
  }: PlatformOptions<C>): DynamicModule {
    const imports: DynamicModule[] = [
      LoggingModule.forRoot({ service: config.SERVICE_NAME, level: config.LOG_LEVEL }),
      MetricsModule.forRoot({
        service: config.SERVICE_NAME,
        port: config.METRICS_PORT,
        host: config.METRICS_HOST ?? '127.0.0.1',
      }),
      HealthModule.forRoot(
        healthCheckTimeoutMs === undefined ? {} : { checkTimeoutMs: healthCheckTimeoutMs },
      ),
    ];
    if (auth === 'internal') {
      // Fail closed: a service that forgot its secret must not start with open routes.
      if (!config.INTERNAL_TOKEN_SECRET)
        throw new Error(
          "PlatformModule: auth 'internal' needs INTERNAL_TOKEN_SECRET in the config (compose internalAuthEnv)",
        );
      imports.push(InternalAuthModule.forRoot({ secret: config.INTERNAL_TOKEN_SECRET }));
    }
    return {
      module: PlatformModule,
      global: true,
      imports,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
