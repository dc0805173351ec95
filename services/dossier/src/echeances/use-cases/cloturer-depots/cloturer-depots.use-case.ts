import { isConcurrencyError } from '../concurrency';
import { Injectable, Logger } from '@nestjs/common';
import { appliquerOperationSysteme } from '../../../domain/dossier';
import { RevisionPubliee } from '../../../domain/revision';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { Clock } from '../../../use-cases/clock';
import { dossierStateChanged } from '../../../use-cases/dossier-events';
import { EcheancesRepository } from '../../persistence/echeances.repository';
import { LOT } from '../lot';

/**
 * « Lorsque la démarche est close, tous les dossiers passent en instruction. Les dossiers restés à l'état de
 * brouillon ne pourront plus être soumis » (seed, date limite de dépôt). The brouillons are refused by the dépôt
 * itself (dateLimite in the revision); this moves the dossiers still en construction, as the system, with the same
 * transition and DossierStateChanged as any other state change. Idempotent: a dossier already moved is not found again.
 */
@Injectable()
export class CloturerDepotsUseCase {
  private readonly logger = new Logger(CloturerDepotsUseCase.name);

  constructor(
    private readonly echeances: EcheancesRepository,
    private readonly dossiers: DossierRepository,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now();
    let moved = 0;
    for (const revision of await this.echeances.demarchesCloses(now)) {
      // Only the démarche's dossiers en construction, by batches in id order (the cursor also steps over one that
      // changed meanwhile, which the next sweep looks at again).
      let apres: string | null = null;
      for (;;) {
        const ids = await this.echeances.enConstruction(revision.demarcheId, apres, LOT);
        apres = ids[ids.length - 1] ?? apres;
        for (const id of ids) if (await this.passerEnInstruction(id, revision, now)) moved += 1;
        if (ids.length < LOT) break;
      }
    }
    if (moved > 0) this.logger.log({ moved }, 'dossiers passed en instruction at the date limite');
    return moved;
  }

  private async passerEnInstruction(id: string, revision: RevisionPubliee, now: Date): Promise<boolean> {
    const dossier = await this.dossiers.load(id);
    if (!dossier || dossier.deletedAt || dossier.state !== 'en_construction') return false;
    const after = appliquerOperationSysteme(dossier, 'passer_automatiquement_en_instruction', now);
    try {
      await this.dossiers.save(after, [dossierStateChanged(dossier, after, revision, undefined)]);
      return true;
    } catch (error: unknown) {
      // Changed meanwhile (an edit, an instructeur): the next sweep looks at it again.
      if (!isConcurrencyError(error)) throw error;
      this.logger.warn({ dossierId: id }, 'dossier changed during the date limite sweep; retried next sweep');
      return false;
    }
  }
}
