import { InjectConfig } from '@demarches/platform-config';
import type { PresignedRequest } from '@demarches/platform-storage';
import { Injectable } from '@nestjs/common';
import type { DossierConfig } from '../../../config';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { RevisionRepository } from '../../../persistence/revision.repository';
import { PieceJointe } from '../../domain/piece-jointe';
import { PieceJointeRepository } from '../../persistence/piece-jointe.repository';
import { Fichiers } from '../../storage/fichiers';
import { Appelant, loadDossierLisible, loadPieceDuDossier, pieceIntrouvable } from '../acces';

/**
 * Short-lived signed download links, for whoever may read the dossier (owner, invité, instructeur of its groupe once
 * deposited); and the list of its attached files.
 */
@Injectable()
export class TelechargerPieceJointeUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly fichiers: Fichiers,
    @InjectConfig() private readonly config: Pick<DossierConfig, 'PIECE_JOINTE_URL_TTL_S'>,
  ) {}

  async lien(dossierId: string, pieceId: string, who: Appelant): Promise<PresignedRequest> {
    await loadDossierLisible(this.dossiers, this.revisions, dossierId, who);
    const piece = await loadPieceDuDossier(this.pieces, dossierId, pieceId);
    if (piece.statut !== 'jointe') throw pieceIntrouvable(pieceId);
    return this.fichiers.presignGet(piece.key, {
      filename: piece.fileName,
      contentType: piece.contentType,
      expiresIn: this.config.PIECE_JOINTE_URL_TTL_S,
    });
  }

  async liste(dossierId: string, who: Appelant): Promise<PieceJointe[]> {
    await loadDossierLisible(this.dossiers, this.revisions, dossierId, who);
    return (await this.pieces.ofDossier(dossierId)).filter((piece) => piece.statut === 'jointe');
  }
}
