import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { CreateApiTokenUseCase } from '../use-cases/create-api-token/create-api-token.use-case';
import { ListApiTokensUseCase } from '../use-cases/list-api-tokens/list-api-tokens.use-case';
import { RevokeApiTokenUseCase } from '../use-cases/revoke-api-token/revoke-api-token.use-case';
import { VerifyApiTokenUseCase } from '../use-cases/verify-api-token/verify-api-token.use-case';

/** The client address the gateway appended to x-forwarded-for (the last hop is the gateway's own view). */
function clientIp(req: IncomingMessage): string | undefined {
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  return value?.split(',').pop()?.trim() || undefined;
}

/**
 * An administrateur's API tokens (the gateway exposes them under /api/me/api-tokens). Closed to API tokens
 * themselves (no @AcceptApiToken): a token cannot mint or revoke tokens.
 */
@Controller('me/api-tokens')
@RequireRole('administrateur')
export class ApiTokensController {
  constructor(
    private readonly create: CreateApiTokenUseCase,
    private readonly list: ListApiTokensUseCase,
    private readonly revoke: RevokeApiTokenUseCase,
  ) {}

  /** 201 with `token`: the only time the secret is ever shown. */
  @Post()
  async createToken(
    @CurrentUser() user: InternalIdentity,
    @Body() body: unknown,
    @Req() req: IncomingMessage,
  ) {
    return this.create.execute(user, body, clientIp(req));
  }

  @Get()
  async listTokens(@CurrentUser() user: InternalIdentity) {
    return { apiTokens: await this.list.execute(user.sub) };
  }

  @Delete(':id')
  @HttpCode(204)
  async revokeToken(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Req() req: IncomingMessage,
  ) {
    await this.revoke.execute(user.sub, id, clientIp(req));
  }
}

/** Called by the gateway with its service identity; never routed from outside (not under the gateway's table). */
@Controller('internal/api-tokens')
@RequireRole('service')
export class InternalApiTokensController {
  constructor(private readonly verify: VerifyApiTokenUseCase) {}

  @Post('verify')
  @HttpCode(200)
  async verifyToken(@Body() body: unknown) {
    return this.verify.execute(body);
  }
}
