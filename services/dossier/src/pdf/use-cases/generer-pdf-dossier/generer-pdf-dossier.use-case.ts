import { renderPdfStream } from '@demarches/pdf';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DossierErrorCode, DossierException } from '../../../dossier.exception';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { RevisionRepository } from '../../../persistence/revision.repository';
import { PieceJointeRepository } from '../../../pieces-jointes/persistence/piece-jointe.repository';
import { Clock } from '../../../use-cases/clock';
import { loadLisible, loadRevision } from '../../../use-cases/load';
import { IdentiteLecteur } from '../../../domain/lecture';
import { modeleDuDossier } from '../../dossier-pdf';

/**
 * The PDF of a dossier for its usager (owner or invité) and the instructeurs of its groupe, once deposited;
 * rendered as a stream, never stored.
 */
@Injectable()
export class GenererPdfDossierUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(dossierId: string, who: IdentiteLecteur): Promise<{ number: number; pdf: Readable }> {
    const { dossier } = await loadLisible(this.dossiers, this.revisions, dossierId, who);
    if (dossier.state === 'brouillon') {
      throw new DossierException(
        DossierErrorCode.DOSSIER_NOT_DEPOSITED,
        'conflict',
        'Le PDF du dossier est disponible une fois le dossier déposé.',
        { dossierId },
      );
    }
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const pieces = await this.pieces.ofDossier(dossier.id);
    return {
      number: dossier.number,
      pdf: renderPdfStream(modeleDuDossier(dossier, revision, pieces, this.clock.now())),
    };
  }
}
