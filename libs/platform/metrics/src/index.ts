export * from './metrics.options';
export * from './metrics-registry';
export * from './metrics.server';
export * from './http-metrics.middleware';
export * from './metrics.module';
export { Counter, Gauge, Histogram } from 'prom-client';
