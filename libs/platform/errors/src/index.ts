export * from './error-kind';
export * from './domain-error';
export * from './error-body';
export * from './domain-error.filter';
export * from './parse-input';
export * from './zod-body.decorator';
