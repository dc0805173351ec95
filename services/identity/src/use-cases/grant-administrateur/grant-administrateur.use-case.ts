import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { normalizeEmail } from '../../domain/user';
import { IdentityException } from '../../identity.exception';
import { KeycloakAdmin } from '../../keycloak/keycloak-admin';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';

export const roleChangeSchema = z.object({ email: z.string().email().max(255) });

/** A platform admin makes an existing account administrateur (Keycloak realm role, effective at her next token). */
@Injectable()
export class GrantAdministrateurUseCase {
  constructor(
    private readonly keycloak: KeycloakAdmin,
    private readonly audit: RecordAuditEventUseCase,
  ) {}

  async execute(actor: InternalIdentity, input: unknown): Promise<{ sub: string }> {
    const { email } = parseInput(roleChangeSchema, input);
    const account = await this.keycloak.findUserByEmail(normalizeEmail(email));
    if (!account) throw IdentityException.userNotFound();
    await this.keycloak.addRealmRole(account.id, 'administrateur');
    await this.audit.recordAuditEvent({
      type: 'role.granted',
      actor: actor.sub,
      subject: account.id,
      details: { role: 'administrateur' },
    });
    return { sub: account.id };
  }
}
