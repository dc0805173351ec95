import type { PresignedRequest } from '@demarches/platform-storage';
import { Injectable } from '@nestjs/common';
import { RevisionRepository } from '../../../persistence/revision.repository';
import { Clock } from '../../../use-cases/clock';
import { loadRevision } from '../../../use-cases/load';
import { assertModifiable, assertPlaceDansLeChamp } from '../../domain/attacher';
import {
  DeclarationEnvoi,
  decouperEnParts,
  nouvellePieceJointe,
  PieceJointe,
  SEUIL_MULTIPART,
  TAILLE_PART,
  verifierEnvoi,
} from '../../domain/piece-jointe';
import { PieceJointeRepository } from '../../persistence/piece-jointe.repository';
import { Fichiers } from '../../storage/fichiers';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { Appelant, loadDossierModifiable } from '../acces';

export type Envoi =
  | { mode: 'simple'; request: PresignedRequest }
  | { mode: 'multipart'; partSize: number; parts: (PresignedRequest & { partNumber: number })[] };

/**
 * Starts the upload of a file for a pièce justificative: checks the declaration (champ, size, format), then hands
 * out presigned URLs so the browser sends the bytes straight to S3 — one PUT bound to the declared size and
 * SHA-256, or one PUT per part above SEUIL_MULTIPART.
 */
@Injectable()
export class DemarrerEnvoiUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly fichiers: Fichiers,
    private readonly clock: Clock,
  ) {}

  async execute(
    dossierId: string,
    who: Appelant,
    declaration: DeclarationEnvoi,
  ): Promise<{ pieceJointe: PieceJointe; envoi: Envoi }> {
    const dossier = await loadDossierModifiable(this.dossiers, dossierId, who);
    assertModifiable(dossier);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    verifierEnvoi(
      revision.champs.find((champ) => champ.id === declaration.champId),
      declaration,
    );
    assertPlaceDansLeChamp(dossier, declaration.champId);
    const piece = nouvellePieceJointe(dossier.id, declaration, who.email, this.clock.now());

    if (piece.size <= SEUIL_MULTIPART) {
      await this.pieces.insert(piece);
      const request = await this.fichiers.presignPut(piece.key, {
        contentType: piece.contentType,
        contentLength: piece.size,
        checksumSha256: piece.sha256,
      });
      return { pieceJointe: piece, envoi: { mode: 'simple', request } };
    }
    const uploadId = await this.fichiers.createMultipart(piece.key, piece.contentType);
    const pending = { ...piece, uploadId };
    await this.pieces.insert(pending);
    const parts = await Promise.all(
      decouperEnParts(piece.size).map(async ({ partNumber, size }) => ({
        partNumber,
        ...(await this.fichiers.presignPart(piece.key, uploadId, partNumber, size)),
      })),
    );
    return { pieceJointe: pending, envoi: { mode: 'multipart', partSize: TAILLE_PART, parts } };
  }
}
