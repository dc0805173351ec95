import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { Topics } from '@demarches/contracts';
import { OutboxModule } from '@demarches/platform-kafka';
import { QueueModule } from '@demarches/platform-queue';
import { ApiTokensController, InternalApiTokensController } from './http/api-tokens.controller';
import { API_TOKEN_HASH_KEY, apiTokenHashKey } from './api-token.settings';
import { ApiTokenExpiryProcessor } from './jobs/expiry-notices.processor';
import { apiTokenExpiryQueue } from './jobs/expiry-notices.queue';
import { OutboxApiTokenExpiryNotifier } from './notices/outbox-expiry-notifier';
import { ApiTokenNoticeRepository } from './persistence/api-token-notice.repository';
import { API_TOKEN_NOTICE_COLLECTION, ApiTokenNoticeSchema } from './persistence/api-token-notice.schema';
import { ApiTokenRepository } from './persistence/api-token.repository';
import { API_TOKEN_COLLECTION, ApiTokenSchema } from './persistence/api-token.schema';
import { MongoApiTokenRepository } from './persistence/mongo-api-token.repository';
import { CreateApiTokenUseCase } from './use-cases/create-api-token/create-api-token.use-case';
import { ListApiTokensUseCase } from './use-cases/list-api-tokens/list-api-tokens.use-case';
import { RevokeApiTokenUseCase } from './use-cases/revoke-api-token/revoke-api-token.use-case';
import {
  ApiTokenExpiryNotifier,
  SendExpiryNoticesUseCase,
} from './use-cases/send-expiry-notices/send-expiry-notices.use-case';
import { VerifyApiTokenUseCase } from './use-cases/verify-api-token/verify-api-token.use-case';

/** Everything API tokens add to identity's AppModule (one spread per list, ADR 0018). */
export const apiTokenSchemas = [
  { name: API_TOKEN_COLLECTION, schema: ApiTokenSchema },
  { name: API_TOKEN_NOTICE_COLLECTION, schema: ApiTokenNoticeSchema },
];
/** Expiry notices: their hourly sweep (BullMQ) and their ApiTokenExpiring events (outbox of the notice records). */
export function apiTokenImports(config: { REDIS_URL: string; QUEUE_PREFIX: string }): DynamicModule[] {
  return [
    QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
    QueueModule.forFeature(apiTokenExpiryQueue),
    OutboxModule.forFeature({ collection: API_TOKEN_NOTICE_COLLECTION, topic: Topics.identity }),
  ];
}
export const apiTokenControllers: Type[] = [ApiTokensController, InternalApiTokensController];
export function apiTokenProviders(config: {
  API_TOKEN_HASH_KEY?: string | undefined;
  INTERNAL_TOKEN_SECRET: string;
}): Provider[] {
  return [
    {
      provide: API_TOKEN_HASH_KEY,
      useValue: apiTokenHashKey(config.API_TOKEN_HASH_KEY, config.INTERNAL_TOKEN_SECRET),
    },
    { provide: ApiTokenRepository, useClass: MongoApiTokenRepository },
    CreateApiTokenUseCase,
    ListApiTokensUseCase,
    RevokeApiTokenUseCase,
    VerifyApiTokenUseCase,
    ApiTokenNoticeRepository,
    { provide: ApiTokenExpiryNotifier, useClass: OutboxApiTokenExpiryNotifier },
    SendExpiryNoticesUseCase,
    ApiTokenExpiryProcessor,
  ];
}
