import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { provideHealthIndicator } from '@demarches/platform-health';
import { PlatformModule } from '@demarches/platform-runtime';
import type { Redis } from 'ioredis';
import { SIGN_IN_POLICY, SignInPolicy } from './auth/access-token-claims';
import { API_TOKEN_VERIFIER, IdentityApiTokenVerifier } from './auth/api-token-verifier';
import { ACCESS_TOKEN_VERIFIER, createJwtVerifier, jwksUrlOf } from './auth/jwt-verifier';
import { JWKS_URL, KeycloakJwksHealthIndicator } from './auth/keycloak-jwks.health';
import { GatewayConfig } from './config';
import { GatewayProxyMiddleware } from './http/gateway-proxy.middleware';
import { SecurityHeadersMiddleware } from './http/security-headers.middleware';
import { UpstreamProxy } from './proxy/upstream-proxy';
import { RATE_LIMIT_STORE } from './rate-limit/rate-limit.store';
import { RedisConnectionCloser, redisProvider } from './rate-limit/redis.provider';
import { GATEWAY_REDIS, RedisHealthIndicator } from './rate-limit/redis.health';
import { RedisRateLimitStore } from './rate-limit/redis-rate-limit.store';
import { AuthenticateRequestUseCase } from './use-cases/authenticate-request/authenticate-request.use-case';
import { EnforceRateLimitUseCase } from './use-cases/enforce-rate-limit/enforce-rate-limit.use-case';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const jwksUrl = jwksUrlOf(config.OIDC_ISSUER, config.OIDC_JWKS_URL);
    return {
      module: AppModule,
      // The gateway authenticates end users itself: no internal-identity guard on its own routes.
      imports: [PlatformModule.forRoot({ config, auth: 'none' })],
      providers: [
        redisProvider(config.REDIS_URL),
        RedisConnectionCloser,
        {
          provide: RATE_LIMIT_STORE,
          useFactory: (redis: Redis) => new RedisRateLimitStore(redis, config.QUEUE_PREFIX),
          inject: [GATEWAY_REDIS],
        },
        { provide: JWKS_URL, useValue: jwksUrl },
        {
          provide: ACCESS_TOKEN_VERIFIER,
          useValue: createJwtVerifier({
            issuer: config.OIDC_ISSUER,
            audience: config.OIDC_AUDIENCE,
            jwksUrl,
            clockToleranceS: config.OIDC_CLOCK_TOLERANCE_S,
          }),
        },
        {
          provide: API_TOKEN_VERIFIER,
          useValue: new IdentityApiTokenVerifier({
            identityUrl: config.IDENTITY_URL,
            internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
            cacheTtlMs: config.API_TOKEN_CACHE_TTL_S * 1000,
            timeoutMs: config.API_TOKEN_VERIFY_TIMEOUT_MS,
          }),
        },
        {
          provide: SIGN_IN_POLICY,
          useValue: { clientsWithoutAgentRoles: config.CLIENTS_WITHOUT_AGENT_ROLES } satisfies SignInPolicy,
        },
        { provide: UpstreamProxy, useValue: new UpstreamProxy(config.UPSTREAM_TIMEOUT_MS) },
        AuthenticateRequestUseCase,
        EnforceRateLimitUseCase,
        ...provideHealthIndicator(RedisHealthIndicator),
        ...provideHealthIndicator(KeycloakJwksHealthIndicator),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Every answer carries the security headers: proxied ones, the gateway's own errors, probes, unknown paths.
    consumer.apply(SecurityHeadersMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
    consumer.apply(GatewayProxyMiddleware).forRoutes({ path: 'api/*path', method: RequestMethod.ALL });
  }
}
