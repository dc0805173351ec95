import { Injectable } from '@nestjs/common';
import type { InternalIdentity } from '@demarches/platform-auth';
import { isAgent, normalizeEmail } from '../../domain/user';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { DossierStateRepository } from '../../persistence/dossier-state.repository';
import { UserRepository } from '../../persistence/user.repository';
import { Clock } from '../clock';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

/**
 * CGU §4: an usager may delete her account, except while one of her dossiers is en instruction. The Keycloak
 * account goes (she can no longer sign in); identity keeps only the ids its audit trail refers to, and the
 * dossiers stay with their services for the legal retention period.
 */
@Injectable()
export class DeleteAccountUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly users: UserRepository,
    private readonly dossiers: DossierStateRepository,
    private readonly audit: RecordAuditEventUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(identity: InternalIdentity): Promise<void> {
    if (isAgent(identity.roles)) throw IdentityException.agentDeletionForbidden();
    const enInstruction = await this.dossiers.countEnInstruction(
      identity.sub,
      normalizeEmail(identity.email),
    );
    if (enInstruction > 0) throw IdentityException.accountHasDossierEnInstruction(enInstruction);
    await this.keycloak.deleteUser(identity.sub);
    await this.users.anonymize(identity.sub, this.clock.now());
    await this.audit.recordAuditEvent({
      type: 'account.deleted',
      actor: identity.sub,
      subject: identity.sub,
    });
  }
}
