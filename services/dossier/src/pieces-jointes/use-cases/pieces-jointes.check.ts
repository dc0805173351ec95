import { Injectable } from '@nestjs/common';
import { PieceJustificativeCheck } from '../../domain/champs/verifications';
import { PieceJustificativeValue, Verdict } from '../../domain/champs/types';
import { PieceJointeRepository } from '../persistence/piece-jointe.repository';

/**
 * When the usager saves a pièce justificative champ with the other champs (e.g. to reorder or drop files), every id
 * must be a file of this dossier and champ that was uploaded, verified and attached — never someone else's upload.
 */
@Injectable()
export class PiecesJointesCheck extends PieceJustificativeCheck {
  constructor(private readonly pieces: PieceJointeRepository) {
    super();
  }

  async verifier(
    context: { dossierId: string; champId: string },
    value: PieceJustificativeValue,
  ): Promise<Verdict<PieceJustificativeValue>> {
    const found = await this.pieces.findMany(value.attachmentIds);
    const valid = new Set(
      found
        .filter(
          (p) => p.dossierId === context.dossierId && p.champId === context.champId && p.statut === 'jointe',
        )
        .map((p) => p.id),
    );
    return value.attachmentIds.every((id) => valid.has(id))
      ? { ok: true, value }
      : { ok: false, reason: "contient un fichier inconnu ou qui n'a pas été envoyé et vérifié" };
  }
}
