export * from './correlation-context';
export * from './request-correlation';
export * from './correlation.middleware';
export * from './pino-options';
export * from './logging.module';
export { Logger, PinoLogger, InjectPinoLogger } from 'nestjs-pino';
