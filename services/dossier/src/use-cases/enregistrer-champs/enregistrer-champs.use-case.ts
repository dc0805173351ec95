import { Injectable } from '@nestjs/common';
import { problemeDeVerification } from '../../domain/champ-validation';
import { verifierValeurs } from '../../domain/champs/verifications';
import { Dossier, enregistrerChamps } from '../../domain/dossier';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { DetacherFichiersRetiresUseCase } from '../../pieces-jointes/use-cases/detacher-fichiers-retires/detacher-fichiers-retires.use-case';
import { Clock } from '../clock';
import { dossierUpdated } from '../dossier-events';
import { loadForOperation, loadRevision } from '../load';
import { ChampVerifier } from './champ-verifier';

export interface EnregistrerChampsInput {
  /** Values keyed by champ id as the usager sent them (JSON); null clears a champ. */
  values: Record<string, unknown>;
  /** The version the usager edited; a newer stored version means someone changed the dossier meanwhile. */
  expectedVersion?: number;
}

@Injectable()
export class EnregistrerChampsUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly clock: Clock,
    private readonly verifier: ChampVerifier,
    private readonly detacher: DetacherFichiersRetiresUseCase,
  ) {}

  async execute(
    dossierId: string,
    usager: { sub: string; email: string },
    input: EnregistrerChampsInput,
  ): Promise<Dossier> {
    // The owner or an invité (co-construction) edits; anybody else gets « not found ».
    const dossier = await loadForOperation(this.dossiers, dossierId, usager, 'modifier');
    if (input.expectedVersion !== undefined && input.expectedVersion !== dossier.version) {
      throw new DossierException(
        DossierErrorCode.DOSSIER_STALE,
        'conflict',
        'Le dossier a été modifié entre-temps : rechargez-le avant d’enregistrer.',
        { expectedVersion: input.expectedVersion, version: dossier.version },
      );
    }
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const now = this.clock.now();
    // First the checks without I/O (state, unknown champs, shapes), then the external ones on the normalised values
    // (geo, linked dossier, attachments): a value is stored only once both passed.
    const essai = enregistrerChamps(dossier, revision, input.values, usager.email, now);
    const normalised = Object.fromEntries(
      Object.keys(input.values).map((id) => [id, essai.champs[id] ?? null]),
    );
    const verified = await verifierValeurs(revision.champs, normalised, this.verifier.pour(dossier, usager));
    if (verified.problems.length > 0) {
      const problems = verified.problems.map((refusal) => problemeDeVerification(revision.champs, refusal));
      throw new DossierException(
        DossierErrorCode.CHAMP_INVALID,
        'invalid',
        problems.map((p) => p.reason).join(' ; '),
        { problems },
      );
    }
    const updated = enregistrerChamps(dossier, revision, verified.values, usager.email, now);
    const saved = await this.dossiers.save(updated, [
      dossierUpdated(updated, revision, Object.keys(input.values), usager.email),
    ]);
    // Files the new values no longer list are detached once the save succeeded (the orphan cleanup deletes them).
    await this.detacher.execute(dossier, saved, now);
    return saved;
  }
}
