import { DynamicModule, Module } from '@nestjs/common';
import { provideHealthIndicator } from '@demarches/platform-health';
import { ObjectStorage } from './object-storage';
import { S3HealthIndicator } from './s3-health.indicator';
import { STORAGE_OPTIONS, StorageOptions } from './storage.options';

@Module({})
export class StorageModule {
  static forRoot(options: StorageOptions): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        { provide: STORAGE_OPTIONS, useValue: options },
        ObjectStorage,
        ...provideHealthIndicator(S3HealthIndicator),
      ],
      exports: [ObjectStorage],
    };
  }
}
