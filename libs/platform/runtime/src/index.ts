export * from './runtime-config';
export * from './platform.module';
export * from './bootstrap-service';
