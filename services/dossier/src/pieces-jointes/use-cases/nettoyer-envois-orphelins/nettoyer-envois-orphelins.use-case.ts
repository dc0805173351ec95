import { InjectConfig } from '@demarches/platform-config';
import { Injectable, Logger } from '@nestjs/common';
import type { DossierConfig } from '../../../config';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { Clock } from '../../../use-cases/clock';
import { fichiersDuChamp, PieceJointe } from '../../domain/piece-jointe';
import { PieceJointeRepository } from '../../persistence/piece-jointe.repository';
import { Fichiers } from '../../storage/fichiers';

const BATCH = 200;

/**
 * Deletes from S3 the uploads never confirmed (older than PIECE_JOINTE_ORPHAN_AFTER_S) and the files the usager
 * detached. A pending file that its dossier already references (a crash between the two writes of the
 * confirmation) is repaired as attached instead.
 */
@Injectable()
export class NettoyerEnvoisOrphelinsUseCase {
  private readonly logger = new Logger(NettoyerEnvoisOrphelinsUseCase.name);

  constructor(
    private readonly dossiers: DossierRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly fichiers: Fichiers,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: Pick<DossierConfig, 'PIECE_JOINTE_ORPHAN_AFTER_S'>,
  ) {}

  async execute(): Promise<{ deleted: number; repaired: number }> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.config.PIECE_JOINTE_ORPHAN_AFTER_S * 1000);
    let deleted = 0;
    let repaired = 0;
    for (const piece of await this.pieces.orphans(before, BATCH)) {
      if (piece.statut === 'en_attente' && (await this.referenced(piece))) {
        await this.pieces.save({ ...piece, statut: 'jointe', attachedAt: piece.attachedAt ?? now });
        repaired += 1;
        continue;
      }
      if (piece.uploadId !== null)
        await this.fichiers.abortMultipart(piece.key, piece.uploadId).catch(() => undefined);
      await this.fichiers.delete(piece.key);
      await this.pieces.remove(piece.id);
      deleted += 1;
    }
    if (deleted + repaired > 0) this.logger.log({ deleted, repaired }, 'orphan uploads cleaned up');
    return { deleted, repaired };
  }

  private async referenced(piece: PieceJointe): Promise<boolean> {
    const dossier = await this.dossiers.load(piece.dossierId);
    return dossier !== null && fichiersDuChamp(dossier.champs[piece.champId]).includes(piece.id);
  }
}
