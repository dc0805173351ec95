export * from './queue-definition';
export * from './queue.options';
export * from './typed-queue';
export * from './typed-worker';
export * from './queue.registry';
export * from './redis-health.indicator';
export * from './queue.module';
