import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HEALTH_INDICATORS, HEALTH_OPTIONS, HealthIndicator, HealthOptions } from './health-indicator';
import { HealthService } from './health.service';

@Module({})
export class HealthModule {
  static forRoot(options: Partial<HealthOptions> = {}): DynamicModule {
    const indicators: HealthIndicator[] = [];
    return {
      module: HealthModule,
      // Global so each platform lib can append its indicator from its own module.
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_INDICATORS, useValue: indicators },
        { provide: HEALTH_OPTIONS, useValue: { checkTimeoutMs: options.checkTimeoutMs ?? 2000 } },
        HealthService,
      ],
      exports: [HEALTH_INDICATORS, HealthService],
    };
  }
}
