export * from './identity';
export * from './auth.errors';
export * from './internal-token';
export * from './auth.decorators';
export * from './internal-auth.guard';
export * from './internal-auth.module';
