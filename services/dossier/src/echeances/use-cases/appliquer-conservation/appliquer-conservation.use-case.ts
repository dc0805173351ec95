import { Injectable, Logger } from '@nestjs/common';
import { Dossier, supprimer } from '../../../domain/dossier';
import { RevisionPubliee } from '../../../domain/revision';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { PieceJointeRepository } from '../../../pieces-jointes/persistence/piece-jointe.repository';
import { Fichiers } from '../../../pieces-jointes/storage/fichiers';
import { Clock } from '../../../use-cases/clock';
import { dossierDeleted } from '../../../use-cases/dossier-events';
import { dateDeSuppression, doitEtrePrevenu, doitEtreSupprime } from '../../domain/conservation';
import { dossierExpirationNotified } from '../../echeance-events';
import { EcheancesRepository } from '../../persistence/echeances.repository';
import { isConcurrencyError } from '../concurrency';

// En instruction never expires; every other state does (see domain/conservation).
const ETATS_QUI_EXPIRENT = ['brouillon', 'en_construction', 'accepte', 'refuse', 'sans_suite'];

/**
 * Retention (RGPD): warns the usager of a brouillon one month before its deletion (DossierExpirationNotified, mailed
 * by notification), then deletes expired dossiers: their files from S3, their values (only a tombstone carrying
 * DossierDeleted EXPIRED through the outbox, purged once published), keeping the trace the CGU require.
 */
@Injectable()
export class AppliquerConservationUseCase {
  private readonly logger = new Logger(AppliquerConservationUseCase.name);

  constructor(
    private readonly echeances: EcheancesRepository,
    private readonly dossiers: DossierRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly fichiers: Fichiers,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ notified: number; deleted: number; purged: number }> {
    const now = this.clock.now();
    let notified = 0;
    let deleted = 0;
    for (const revision of await this.echeances.demarchesAvecConservation()) {
      const duree = revision.dureeConservationMois ?? 0;
      for (const id of await this.echeances.dossiersIds(revision.demarcheId, ETATS_QUI_EXPIRENT)) {
        const dossier = await this.dossiers.load(id);
        if (!dossier || dossier.deletedAt) continue;
        try {
          if (doitEtreSupprime(dossier, duree, now)) {
            await this.supprimer(dossier, revision, now);
            deleted += 1;
          } else if (doitEtrePrevenu(dossier, duree, now)) {
            await this.prevenir(dossier, revision, duree, now);
            notified += 1;
          }
        } catch (error: unknown) {
          if (!isConcurrencyError(error)) throw error;
          this.logger.warn(
            { dossierId: id },
            'dossier changed during the retention sweep; retried next sweep',
          );
        }
      }
    }
    const purged = await this.echeances.purgerTombesExpirees();
    if (notified + deleted + purged > 0) this.logger.log({ notified, deleted, purged }, 'retention applied');
    return { notified, deleted, purged };
  }

  private async prevenir(
    dossier: Dossier,
    revision: RevisionPubliee,
    duree: number,
    now: Date,
  ): Promise<void> {
    // Not a change of the usager: updatedAt (the start of a brouillon's conservation) stays as it is.
    const prevenu: Dossier = { ...dossier, expirationNotifiedAt: now };
    await this.dossiers.save(prevenu, [
      dossierExpirationNotified(dossier, revision, dateDeSuppression(dossier, duree, now)),
    ]);
  }

  private async supprimer(dossier: Dossier, revision: RevisionPubliee, now: Date): Promise<void> {
    // The trace first and the files next: both are idempotent, so a crash before the tombstone is written only
    // means the next sweep does them again.
    if (dossier.state !== 'brouillon') {
      await this.echeances.enregistrerTrace({
        dossierId: dossier.id,
        number: dossier.number,
        demarcheId: dossier.demarcheId,
        demarcheNumber: revision.demarcheNumber,
        demarcheTitle: revision.title,
        administration: revision.administration ?? '',
        depositedAt: dossier.depositedAt,
        decidedAt: dossier.decidedAt,
        deletedAt: now,
      });
    }
    for (const piece of await this.pieces.ofDossier(dossier.id)) {
      if (piece.uploadId !== null)
        await this.fichiers.abortMultipart(piece.key, piece.uploadId).catch(() => undefined);
      await this.fichiers.delete(piece.key);
      await this.pieces.remove(piece.id);
    }
    const tombe = supprimer(dossier, 'expired', 'systeme', now);
    await this.dossiers.save(tombe, [dossierDeleted(tombe)]);
  }
}
