import { Injectable } from '@nestjs/common';
import { Dossier } from '../../../domain/dossier';
import { fichiersDesChamps } from '../../domain/piece-jointe';
import { PieceJointeRepository } from '../../persistence/piece-jointe.repository';

/**
 * After a save of the champs (`PATCH /dossiers/:id/champs`) whose values no longer list some files: those files are
 * detached as `DELETE …/pieces-jointes/:pieceId` detaches one (statut `retiree`), so the orphan cleanup deletes them
 * from S3 instead of keeping them until the dossier is deleted. Called once the dossier is saved: a refused save
 * detaches nothing. Idempotent; a file still referenced by another champ of the dossier stays attached.
 */
@Injectable()
export class DetacherFichiersRetiresUseCase {
  constructor(private readonly pieces: PieceJointeRepository) {}

  async execute(avant: Dossier, apres: Dossier, now: Date): Promise<string[]> {
    const restants = fichiersDesChamps(apres.champs);
    const retires = [...fichiersDesChamps(avant.champs)].filter((id) => !restants.has(id));
    if (retires.length === 0) return [];
    const detaches: string[] = [];
    for (const piece of await this.pieces.findMany(retires)) {
      if (piece.dossierId !== avant.id || piece.statut === 'retiree') continue;
      await this.pieces.save({ ...piece, statut: 'retiree', removedAt: now });
      detaches.push(piece.id);
    }
    return detaches;
  }
}
