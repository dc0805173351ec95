import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { normalizeEmail } from '../../domain/user';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { RoleAssignment } from '../assign-role/role-assignment';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

export const roleChangeSchema = z.object({ email: z.string().email().max(255) });

/**
 * A platform admin grants or withdraws the administrateur realm role of an existing account (effective at its next
 * token): the Keycloak change, then the audit trail (`role.granted` / `role.removed`), then identity's record of
 * granted roles, which publishes RoleGranted / RoleRemoved. Each use case names its change.
 */
@Injectable()
export abstract class ChangeAdministrateurRoleUseCase {
  protected abstract readonly change: 'granted' | 'removed';

  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
    private readonly roles: RoleAssignment,
  ) {}

  async execute(actor: InternalIdentity, input: unknown): Promise<{ sub: string }> {
    const { email } = parseInput(roleChangeSchema, input);
    const address = normalizeEmail(email);
    const account = await this.keycloak.findUserByEmail(address);
    if (!account) throw IdentityException.userNotFound();
    if (this.change === 'granted') await this.keycloak.addRealmRole(account.id, 'administrateur');
    else await this.keycloak.removeRealmRole(account.id, 'administrateur');
    await this.audit.recordAuditEvent({
      type: this.change === 'granted' ? 'role.granted' : 'role.removed',
      actor: actor.sub,
      subject: account.id,
      details: { role: 'administrateur' },
    });
    await this.roles.recordChange(account.id, address, 'administrateur', this.change, { actor: actor.sub });
    return { sub: account.id };
  }
}
