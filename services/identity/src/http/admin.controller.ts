import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, RequireRole, type InternalIdentity } from '@demarches/platform-auth';
import { GrantAdministrateurUseCase } from '../use-cases/grant-administrateur/grant-administrateur.use-case';
import { InviteAgentUseCase } from '../use-cases/invite-agent/invite-agent.use-case';
import { QueryAuditEventsUseCase } from '../use-cases/query-audit-events/query-audit-events.use-case';
import { RevokeAdministrateurUseCase } from '../use-cases/revoke-administrateur/revoke-administrateur.use-case';

@Controller('admin')
export class AdminController {
  constructor(
    private readonly queryAudit: QueryAuditEventsUseCase,
    private readonly grant: GrantAdministrateurUseCase,
    private readonly revoke: RevokeAdministrateurUseCase,
    private readonly invite: InviteAgentUseCase,
  ) {}

  /** Filters: type, actor, subject, from, to (ISO dates), limit (≤ 500); `cursor` = the previous `nextCursor`. */
  @Get('audit')
  @RequireRole('platform-admin')
  async audit(@Query() query: Record<string, string>) {
    return this.queryAudit.execute(query);
  }

  @Post('administrateurs')
  @RequireRole('platform-admin')
  async grantAdministrateur(@CurrentUser() actor: InternalIdentity, @Body() body: unknown) {
    return this.grant.execute(actor, body);
  }

  @Post('administrateurs/retirer')
  @HttpCode(200)
  @RequireRole('platform-admin')
  async revokeAdministrateur(@CurrentUser() actor: InternalIdentity, @Body() body: unknown) {
    return this.revoke.execute(actor, body);
  }

  /** Administrateurs invite instructeurs and experts; a platform admin also administrateurs. */
  @Post('invitations')
  @RequireRole('administrateur', 'platform-admin')
  async inviteAgent(@CurrentUser() actor: InternalIdentity, @Body() body: unknown) {
    return this.invite.execute(actor, body);
  }
}
