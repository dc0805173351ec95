export * from './storage.options';
export * from './storage.errors';
export * from './checksum';
export * from './object-storage';
export * from './s3-health.indicator';
export * from './storage.module';
