import { Injectable } from '@nestjs/common';
import { Dossier, revoquerInvitation } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { Clock } from '../clock';
import { dossierInviteRemoved } from '../dossier-events';
import { loadForOperation } from '../load';

/** The owner revokes an invitation: the invité loses access at once. */
@Injectable()
export class RevoquerInvitationUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(dossierId: string, usager: { sub: string; email: string }, email: string): Promise<Dossier> {
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'revoquer_invitation');
    const revoked = revoquerInvitation(dossier, email, usager.email, this.clock.now());
    return this.dossiers.save(revoked, [dossierInviteRemoved(revoked, email.trim().toLowerCase())]);
  }
}
