import { Injectable } from '@nestjs/common';
import type { PayloadOf, Topics } from '@demarches/contracts';
import { normalizeEmail } from '../../domain/user';
import { InstructeurGroupesRepository } from '../../persistence/instructeur-groupes.repository';
import { RoleAssignment, RoleChange } from '../assign-role/role-assignment';

type GroupesInstructeursChanged = PayloadOf<typeof Topics.procedure, 'GroupesInstructeursChanged'>;

export interface InstructeurRoleChanges {
  applied: boolean;
  changes: Record<string, RoleChange>;
}

/**
 * form-builder changed a démarche's groupes instructeurs: identity keeps who instructs what (GET /me) and the
 * instructeur role follows membership. An e-mail in a groupe gets the role (her account is created and the
 * invitation link mailed when she has none); an e-mail that left its last groupe of any démarche loses it.
 */
@Injectable()
export class SyncInstructeurGroupesUseCase {
  constructor(
    private readonly groupes: InstructeurGroupesRepository,
    private readonly roles: RoleAssignment,
  ) {}

  async execute(event: GroupesInstructeursChanged): Promise<InstructeurRoleChanges> {
    const groupes = event.groupesInstructeurs.map((groupe) => ({
      id: groupe.id,
      label: groupe.label,
      instructeurEmails: [...new Set(groupe.instructeurEmails.map(normalizeEmail))],
    }));
    const result = await this.groupes.replace({
      demarcheId: event.demarcheId,
      number: event.number,
      title: event.title,
      version: event.version,
      groupes,
    });
    if (!result) return { applied: false, changes: {} };
    const current = new Set(groupes.flatMap((groupe) => groupe.instructeurEmails));
    const context = { demarcheId: event.demarcheId };
    const changes: Record<string, RoleChange> = {};
    // Every current member is (re)checked, not only the new ones: a replay after a lost Keycloak call heals.
    // `invitedEmails` (members without an account, as form-builder saw them) are among them: grant() invites.
    for (const email of [...current].sort())
      changes[email] = await this.roles.grant(email, 'instructeur', context);
    for (const email of result.previousEmails.filter((e) => !current.has(e))) {
      changes[email] = await this.roles.withdraw(
        email,
        'instructeur',
        async () => (await this.groupes.membershipsOf(email)).length > 0,
        context,
      );
    }
    return { applied: true, changes };
  }
}
