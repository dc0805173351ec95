import {
  DemarchePublished,
  DossierCreated,
  DossierDeleted,
  DossierDeposited,
  DossierState,
  DossierStateChanged,
} from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { ProjectionRepository } from '../../persistence/dossier-projection.repository';

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * Keeps messaging's view of dossiers and démarches in step with their topics: owner and state from the dossier
 * topic, the instructeurs of each groupe from the procedure topic. Each event applies only if newer than the view.
 */
@Injectable()
export class ProjeterDossierUseCase {
  constructor(private readonly projection: ProjectionRepository) {}

  async cree(event: DossierCreated): Promise<void> {
    await this.projection.applyDossier(
      event.dossierId,
      event.version,
      { demarcheId: event.demarcheId, usagerSub: event.usagerSub, state: DossierState.BROUILLON },
      true,
    );
  }

  /**
   * The dépôt also names the owner, so the messagerie opens for the usager even when DossierCreated was missed.
   * Events written before DossierDeposited carried usager_sub have it empty: the owner then stays as it was.
   */
  async depose(event: DossierDeposited): Promise<void> {
    await this.projection.applyDossier(
      event.dossierId,
      event.version,
      {
        demarcheId: event.demarcheId,
        ...(event.usagerSub ? { usagerSub: event.usagerSub } : {}),
        usagerEmail: normalise(event.usagerEmail),
        groupeInstructeurId: event.groupeInstructeurId,
        state: DossierState.EN_CONSTRUCTION,
      },
      true,
    );
  }

  async etatChange(event: DossierStateChanged): Promise<void> {
    await this.projection.applyDossier(
      event.dossierId,
      event.version,
      { state: event.to, groupeInstructeurId: event.groupeInstructeurId },
      false,
    );
  }

  /** A deleted dossier has no messagerie any more (DS closes it on deleted dossiers). */
  async supprime(event: DossierDeleted): Promise<void> {
    await this.projection.removeDossier(event.dossierId);
  }

  async demarchePubliee(event: DemarchePublished): Promise<void> {
    await this.projection.applyDemarche(
      event.demarcheId,
      event.version,
      event.groupesInstructeurs.map((g) => ({
        id: g.id,
        instructeurEmails: g.instructeurEmails.map(normalise),
      })),
    );
  }
}
