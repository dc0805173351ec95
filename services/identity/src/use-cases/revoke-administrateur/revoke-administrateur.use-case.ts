import { Injectable } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { normalizeEmail } from '../../domain/user';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { roleChangeSchema } from '../grant-administrateur/grant-administrateur.use-case';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

/** A platform admin withdraws the administrateur role; tokens already issued expire within 5 minutes. */
@Injectable()
export class RevokeAdministrateurUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
  ) {}

  async execute(actor: InternalIdentity, input: unknown): Promise<{ sub: string }> {
    const { email } = parseInput(roleChangeSchema, input);
    const account = await this.keycloak.findUserByEmail(normalizeEmail(email));
    if (!account) throw IdentityException.userNotFound();
    await this.keycloak.removeRealmRole(account.id, 'administrateur');
    await this.audit.recordAuditEvent({
      type: 'role.removed',
      actor: actor.sub,
      subject: account.id,
      details: { role: 'administrateur' },
    });
    return { sub: account.id };
  }
}
