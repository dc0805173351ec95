import { Injectable, Logger } from '@nestjs/common';
import { Dossier, supprimer } from '../../../domain/dossier';
import { RevisionPubliee } from '../../../domain/revision';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { PieceJointeRepository } from '../../../pieces-jointes/persistence/piece-jointe.repository';
import { Fichiers } from '../../../pieces-jointes/storage/fichiers';
import { Clock } from '../../../use-cases/clock';
import { dossierDeleted } from '../../../use-cases/dossier-events';
import {
  dateDeSuppression,
  doitEtrePrevenu,
  doitEtreSupprime,
  echeancesDuDossier,
} from '../../domain/conservation';
import { dossierExpirationNotified } from '../../echeance-events';
import { Echeance, EcheancesRepository } from '../../persistence/echeances.repository';
import { isConcurrencyError } from '../concurrency';
import { LOT } from '../lot';

/** How often the dossiers of a démarche whose durée did not change are looked over for stale due dates. */
const VERIFICATION_MS = 24 * 3600_000;

export type Effet = 'supprime' | 'prevenu' | 'replanifie' | 'ignore';

/**
 * Retention (RGPD): warns the usager of a brouillon one month before its deletion (DossierExpirationNotified, mailed
 * by notification), then deletes expired dossiers: their files from S3, their values (only a tombstone carrying
 * DossierDeleted EXPIRED through the outbox, purged once published), keeping the trace the CGU require.
 *
 * Only what is due is read: every save stores the dossier's due dates (expirationNoticeAt, expiresAt, indexed) for
 * its démarche's durée, and the sweep asks for the dates passed, in batches of LOT. Each dossier is decided again
 * from its current state and its démarche's current durée: a date found stale (durée changed) is recomputed, not
 * acted upon. Dossiers whose dates were computed for another durée (written before these dates existed, or durée
 * changed) are recomputed first, by démarche, when its durée changed since the last time (and once a day).
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

  async execute(): Promise<{ notified: number; deleted: number; purged: number; replanned: number }> {
    const now = this.clock.now();
    const revisions = new Map<string, RevisionPubliee | null>();
    let replanned = await this.replanifierLesDureesChangees(now, revisions);
    // The warnings first: a brouillon never warned (backfilled long after its end) gets its month of notice.
    const notices = await this.traiterLesDus('expirationNoticeAt', now, revisions);
    const expiries = await this.traiterLesDus('expiresAt', now, revisions);
    replanned += notices.replanifie + expiries.replanifie;
    const notified = notices.prevenu + expiries.prevenu;
    const deleted = notices.supprime + expiries.supprime;
    const purged = await this.echeances.purgerTombesExpirees();
    if (notified + deleted + purged + replanned > 0)
      this.logger.log({ notified, deleted, purged, replanned }, 'retention applied');
    return { notified, deleted, purged, replanned };
  }

  /**
   * Acts on one dossier as the rules say at `now` for its démarche's durée: deletes it, warns its usager, or else
   * stores its recomputed due dates. Idempotent; a dossier changed meanwhile is left to the next sweep.
   */
  async traiter(dossier: Dossier, revision: RevisionPubliee, now: Date): Promise<Effet> {
    const duree = revision.dureeConservationMois ?? 0;
    try {
      if (doitEtreSupprime(dossier, duree, now)) {
        await this.supprimer(dossier, revision, now);
        return 'supprime';
      }
      if (doitEtrePrevenu(dossier, duree, now)) {
        await this.prevenir(dossier, revision, duree, now);
        return 'prevenu';
      }
    } catch (error: unknown) {
      if (!isConcurrencyError(error)) throw error;
      this.logger.warn(
        { dossierId: dossier.id },
        'dossier changed during the retention sweep; retried next sweep',
      );
      return 'ignore';
    }
    const planification = { ...echeancesDuDossier(dossier, duree), conservationMois: duree };
    return (await this.echeances.planifier(dossier.id, dossier.version, planification))
      ? 'replanifie'
      : 'ignore';
  }

  private async traiterLesDus(
    echeance: Echeance,
    now: Date,
    revisions: Map<string, RevisionPubliee | null>,
  ): Promise<Record<Effet, number>> {
    const effets: Record<Effet, number> = { supprime: 0, prevenu: 0, replanifie: 0, ignore: 0 };
    // A dossier left as it was (changed meanwhile, démarche unknown) would be found again: not in this sweep.
    const laisses: string[] = [];
    for (;;) {
      const ids = await this.echeances.dus(echeance, now, LOT, laisses);
      for (const id of ids) {
        const effet = await this.traiterUn(id, now, revisions);
        effets[effet] += 1;
        if (effet === 'ignore' || (effet === 'replanifie' && (await this.encoreDu(id, echeance, now))))
          laisses.push(id);
      }
      // A short batch was every dossier due: what it did made none of them due again.
      if (ids.length < LOT) return effets;
    }
  }

  private async traiterUn(
    id: string,
    now: Date,
    revisions: Map<string, RevisionPubliee | null>,
  ): Promise<Effet> {
    const dossier = await this.dossiers.load(id);
    if (!dossier || dossier.deletedAt) return 'ignore';
    const revision = await this.revisionDe(dossier.demarcheId, revisions);
    if (!revision) return 'ignore';
    return this.traiter(dossier, revision, now);
  }

  /** Never true when dates and rules agree; guards the sweep's loop against a date it cannot move. */
  private async encoreDu(id: string, echeance: Echeance, now: Date): Promise<boolean> {
    const dossier = await this.dossiers.load(id);
    if (!dossier) return false;
    const revision = await this.echeances.revision(dossier.demarcheId);
    const date = echeancesDuDossier(dossier, revision?.dureeConservationMois ?? 0)[echeance];
    return date !== null && date <= now;
  }

  private async replanifierLesDureesChangees(
    now: Date,
    revisions: Map<string, RevisionPubliee | null>,
  ): Promise<number> {
    let replanned = 0;
    const planifiees = await this.echeances.planificationsDesDemarches();
    for (const revision of await this.echeances.demarchesAvecConservation()) {
      revisions.set(revision.demarcheId, revision);
      const duree = revision.dureeConservationMois ?? 0;
      const derniere = planifiees.get(revision.demarcheId);
      const depuis = derniere ? now.getTime() - new Date(derniere.verifieLe).getTime() : -1;
      if (derniere?.conservationMois === duree && depuis >= 0 && depuis < VERIFICATION_MS) continue;
      const laisses: string[] = [];
      for (;;) {
        const ids = await this.echeances.aReplanifier(revision.demarcheId, duree, LOT, laisses);
        for (const id of ids) {
          const dossier = await this.dossiers.load(id);
          const planification = dossier && { ...echeancesDuDossier(dossier, duree), conservationMois: duree };
          // Not written: changed meanwhile, and its own save computed its dates.
          if (
            dossier &&
            planification &&
            (await this.echeances.planifier(id, dossier.version, planification))
          )
            replanned += 1;
          else laisses.push(id);
        }
        if (ids.length < LOT) break;
      }
      await this.echeances.marquerDemarchePlanifiee(revision.demarcheId, duree, now);
    }
    return replanned;
  }

  private async revisionDe(
    demarcheId: string,
    revisions: Map<string, RevisionPubliee | null>,
  ): Promise<RevisionPubliee | null> {
    if (!revisions.has(demarcheId)) revisions.set(demarcheId, await this.echeances.revision(demarcheId));
    return revisions.get(demarcheId) ?? null;
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
