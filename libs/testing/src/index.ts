export * from './namespace';
export * from './local-infrastructure';
export * from './kafka-probe';
export * from './service-env';
