import { Injectable } from '@nestjs/common';
import { Dossier } from '../../../domain/dossier';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { RevisionRepository } from '../../../persistence/revision.repository';
import { Clock } from '../../../use-cases/clock';
import { dossierUpdated } from '../../../use-cases/dossier-events';
import { loadRevision } from '../../../use-cases/load';
import { assertModifiable, retirerFichier } from '../../domain/attacher';
import { fichiersDuChamp } from '../../domain/piece-jointe';
import { PieceJointeRepository } from '../../persistence/piece-jointe.repository';
import { Appelant, loadDossierModifiable, loadPieceDuDossier } from '../acces';

/** Detaches a file from its champ; the orphan cleanup deletes its object from S3 afterwards. */
@Injectable()
export class RetirerPieceJointeUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(dossierId: string, pieceId: string, who: Appelant): Promise<Dossier> {
    const dossier = await loadDossierModifiable(this.dossiers, dossierId, who);
    const piece = await loadPieceDuDossier(this.pieces, dossierId, pieceId);
    assertModifiable(dossier);
    const now = this.clock.now();
    let saved = dossier;
    if (fichiersDuChamp(dossier.champs[piece.champId]).includes(piece.id)) {
      const revision = await loadRevision(this.revisions, dossier.demarcheId);
      const updated = retirerFichier(dossier, piece.champId, piece.id, who.email, now);
      saved = await this.dossiers.save(updated, [dossierUpdated(updated, revision, [piece.champId])]);
    }
    if (piece.statut !== 'retiree') await this.pieces.save({ ...piece, statut: 'retiree', removedAt: now });
    return saved;
  }
}
