import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { INTERNAL_AUTH_OPTIONS, InternalAuthGuard, InternalAuthOptions } from './internal-auth.guard';

/** Installs InternalAuthGuard as a global guard: routes are closed unless marked @Public(). */
@Module({})
export class InternalAuthModule {
  static forRoot(options: InternalAuthOptions): DynamicModule {
    return {
      module: InternalAuthModule,
      providers: [
        { provide: INTERNAL_AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: InternalAuthGuard },
      ],
    };
  }
}
