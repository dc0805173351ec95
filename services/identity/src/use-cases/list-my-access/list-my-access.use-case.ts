import { Injectable } from '@nestjs/common';
import { normalizeEmail } from '../../domain/user';
import { DossierAccessRepository } from '../../persistence/dossier-access.repository';
import {
  InstructeurGroupesRepository,
  InstructeurMembership,
} from '../../persistence/instructeur-groupes.repository';

export interface MyAccess {
  /** Démarches and groupes she instructs (from form-builder's groupes instructeurs). */
  instructeur: InstructeurMembership[];
  /** Dossiers she was invited on by their owner (invité). */
  invitations: Array<{ dossierId: string; demarcheId: string }>;
  /** Dossiers she was asked an avis on (expert). */
  expertises: Array<{ dossierId: string; demarcheId: string }>;
}

/** What the caller may reach beyond her own dossiers, as identity's projections know it (GET /me). */
@Injectable()
export class ListMyAccessUseCase {
  constructor(
    private readonly groupes: InstructeurGroupesRepository,
    private readonly access: DossierAccessRepository,
  ) {}

  async execute(email: string): Promise<MyAccess> {
    const normalized = normalizeEmail(email);
    const [instructeur, perDossier] = await Promise.all([
      this.groupes.membershipsOf(normalized),
      this.access.activeOf(normalized),
    ]);
    const of = (kind: 'invite' | 'expert') =>
      perDossier
        .filter((access) => access.kind === kind)
        .map(({ dossierId, demarcheId }) => ({ dossierId, demarcheId }));
    return { instructeur, invitations: of('invite'), expertises: of('expert') };
  }
}
