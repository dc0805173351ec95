import { Injectable } from '@nestjs/common';
import type { PayloadOf, Topics } from '@demarches/contracts';
import { normalizeEmail } from '../../domain/user';
import { DossierAccess, DossierAccessRepository } from '../../persistence/dossier-access.repository';

type InviteAdded = PayloadOf<typeof Topics.dossier, 'DossierInviteAdded'>;
type InviteRemoved = PayloadOf<typeof Topics.dossier, 'DossierInviteRemoved'>;

/**
 * The invité role is per dossier (DS « inviter une personne à modifier ce dossier »): identity follows the
 * dossier service's invitations so that GET /me lists the dossiers she was invited on. The dossier service stays
 * the one that enforces what an invité may do (edit, never deposit).
 */
@Injectable()
export class TrackDossierAccessUseCase {
  constructor(private readonly access: DossierAccessRepository) {}

  async inviteAdded(event: InviteAdded): Promise<boolean> {
    return this.access.set(this.invite(event.dossierId, event.demarcheId, event.email), true, event.version);
  }

  async inviteRemoved(event: InviteRemoved): Promise<boolean> {
    return this.access.set(this.invite(event.dossierId, event.demarcheId, event.email), false, event.version);
  }

  private invite(dossierId: string, demarcheId: string, email: string): DossierAccess {
    return { kind: 'invite', dossierId, demarcheId, email: normalizeEmail(email) };
  }
}
