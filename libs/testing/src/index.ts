export * from './namespace';
export * from './local-infrastructure';
export * from './kafka-probe';
export * from './service-env';
export * from './service-process';
export * from './mailpit';
export * from './keycloak';
export * from './fixtures';
