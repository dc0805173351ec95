import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideHealthIndicator } from '@demarches/platform-health';
import { MongoHealthIndicator } from './mongo.health';
import { MongoModuleOptions } from './mongo.options';

/**
 * One mongoose connection per service database (the default @nestjs/mongoose connection, so
 * `MongooseModule.forFeature` and `@InjectModel` work as documented), plus the readiness indicator.
 */
@Module({})
export class MongoModule {
  static forRoot(options: MongoModuleOptions): DynamicModule {
    const timeout = options.serverSelectionTimeoutMs ?? 5000;
    return {
      module: MongoModule,
      global: true,
      imports: [
        MongooseModule.forRoot(options.url, {
          dbName: options.database,
          // Indexes (unique keys, idempotency keys) are part of correctness here, so they are built at boot.
          autoIndex: true,
          autoCreate: true,
          serverSelectionTimeoutMS: timeout,
          connectTimeoutMS: timeout,
          // Nest's default retries the first connection 9 times in a loop; fail fast and let the orchestrator restart.
          retryAttempts: 1,
          retryDelay: 0,
        }),
      ],
      providers: [...provideHealthIndicator(MongoHealthIndicator)],
      exports: [MongoHealthIndicator],
    };
  }
}
