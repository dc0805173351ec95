import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { isAgent, normalizeEmail } from '../../domain/user';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { UserRepository } from '../../persistence/user.repository';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

const changeEmailSchema = z.object({ email: z.string().email().max(255) });

/**
 * An usager changes her e-mail; Keycloak sends a verification link to the new address. Agents cannot (reference
 * rule: their address is the one their administration knows). A FranceConnect sign-in is an usager's too.
 */
@Injectable()
export class ChangeEmailUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly users: UserRepository,
    private readonly audit: RecordAuditEventUseCase,
  ) {}

  async execute(identity: InternalIdentity, input: unknown): Promise<{ email: string }> {
    const email = normalizeEmail(parseInput(changeEmailSchema, input).email);
    const account = await this.keycloak.findUser(identity.sub);
    if (!account) throw IdentityException.userNotFound();
    // Roles from Keycloak, not the token: a FranceConnect token hides the agent roles of a linked account.
    const roles = (account.realmRoles ?? []) as InternalIdentity['roles'];
    if (isAgent(identity.roles) || isAgent(roles)) throw IdentityException.agentEmailChangeForbidden();
    const holder = await this.keycloak.findUserByEmail(email);
    if (holder && holder.id !== identity.sub) throw IdentityException.emailAlreadyUsed();
    await this.keycloak.changeEmail(identity.sub, email);
    await this.users.updateEmail(identity.sub, email);
    await this.audit.recordAuditEvent({
      type: 'account.email_changed',
      actor: identity.sub,
      subject: identity.sub,
    });
    return { email };
  }
}
