import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG } from '@demarches/platform-config';
import { AuthException, type InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { normalizeEmail, requiredActionsFor } from '../../domain/user';
import { IdentityConfig } from '../../config';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { RoleAssignment } from '../assign-role/role-assignment';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

const inviteSchema = z.object({
  email: z.string().email().max(255),
  role: z.enum(['instructeur', 'administrateur', 'expert']),
});

export { requiredActionsFor };

/**
 * Invites a new agent by e-mail: creates her Keycloak account (no password) with the role, then Keycloak mails
 * her a link to set her password and configure her authenticator app. Administrateurs invite instructeurs and
 * experts; only a platform admin invites an administrateur.
 */
@Injectable()
export class InviteAgentUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
    private readonly roles: RoleAssignment,
    @Inject(APP_CONFIG) private readonly config: Pick<IdentityConfig, 'AGENT_INVITATION_LIFESPAN_S'>,
  ) {}

  async execute(actor: InternalIdentity, input: unknown): Promise<{ sub: string }> {
    const parsed = parseInput(inviteSchema, input);
    const email = normalizeEmail(parsed.email);
    if (parsed.role === 'administrateur' && !actor.roles.includes('platform-admin'))
      throw AuthException.forbidden();
    if (await this.keycloak.findUserByEmail(email)) throw IdentityException.emailAlreadyUsed();
    const actions = requiredActionsFor(parsed.role);
    const sub = await this.keycloak.createUser({
      email,
      realmRoles: [parsed.role],
      requiredActions: actions,
    });
    await this.keycloak.sendActionsEmail(sub, actions, this.config.AGENT_INVITATION_LIFESPAN_S);
    await this.audit.recordAuditEvent({
      type: 'agent.invited',
      actor: actor.sub,
      subject: sub,
      details: { role: parsed.role },
    });
    await this.audit.recordAuditEvent({
      type: 'role.granted',
      actor: actor.sub,
      subject: sub,
      details: { role: parsed.role },
    });
    await this.roles.recordChange(sub, email, parsed.role, 'granted', { actor: actor.sub, invited: true });
    return { sub };
  }
}
