import { Injectable } from '@nestjs/common';
import { Dossier, inviter } from '../../domain/dossier';
import { DossierRepository } from '../../persistence/dossier.repository';
import { Clock } from '../clock';
import { dossierInviteAdded } from '../dossier-events';
import { assertVersion, loadForOperation } from '../load';

export interface InviterPersonneInput {
  email: string;
  message: string;
  expectedVersion?: number;
}

/** Co-construction: the owner invites someone by e-mail (notification mails them the invitation). */
@Injectable()
export class InviterPersonneUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    dossierId: string,
    usager: { sub: string; email: string },
    input: InviterPersonneInput,
  ): Promise<Dossier> {
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'inviter');
    assertVersion(dossier, input.expectedVersion);
    const invited = inviter(dossier, input.email, input.message, dossier.usager.email, this.clock.now());
    const email = input.email.trim().toLowerCase();
    return this.dossiers.save(invited, [dossierInviteAdded(invited, email)]);
  }
}
