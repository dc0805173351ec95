import type { CompletedPart } from '@demarches/platform-storage';
import { Injectable, Logger } from '@nestjs/common';
import { Dossier } from '../../../domain/dossier';
import { DossierErrorCode, DossierException } from '../../../dossier.exception';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { RevisionRepository } from '../../../persistence/revision.repository';
import { Clock } from '../../../use-cases/clock';
import { dossierUpdated } from '../../../use-cases/dossier-events';
import { loadRevision } from '../../../use-cases/load';
import { joindreFichier } from '../../domain/attacher';
import { contenuConforme, SNIFF_BYTES } from '../../domain/formats';
import { PieceJointe } from '../../domain/piece-jointe';
import { PieceJointeRepository } from '../../persistence/piece-jointe.repository';
import { Fichiers } from '../../storage/fichiers';
import { Appelant, loadDossierModifiable, loadPieceDuDossier } from '../acces';

/**
 * The browser says the upload is over. The service completes the multipart upload, checks size and SHA-256
 * (S3's own checksum, or the object streamed through a hash: constant memory, the file is never buffered), reads
 * the first bytes to check they are of the announced format, and only then attaches the file to its champ.
 * A file that fails a check is deleted at once and never attached.
 */
@Injectable()
export class ConfirmerEnvoiUseCase {
  private readonly logger = new Logger(ConfirmerEnvoiUseCase.name);

  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly pieces: PieceJointeRepository,
    private readonly fichiers: Fichiers,
    private readonly clock: Clock,
  ) {}

  async execute(
    dossierId: string,
    pieceId: string,
    who: Appelant,
    parts: CompletedPart[] | undefined,
  ): Promise<{ pieceJointe: PieceJointe; dossier: Dossier }> {
    const dossier = await loadDossierModifiable(this.dossiers, dossierId, who);
    let piece = await loadPieceDuDossier(this.pieces, dossierId, pieceId);
    if (piece.statut === 'jointe') return { pieceJointe: piece, dossier };
    if (piece.statut === 'retiree') throw incomplet(piece, 'Ce fichier a été retiré du dossier.');

    if (piece.uploadId !== null) {
      if (!parts || parts.length === 0)
        throw incomplet(piece, 'Indiquez les parties envoyées (numéro et ETag de chacune).');
      await this.fichiers.completeMultipart(piece.key, piece.uploadId, parts).catch((error: unknown) => {
        this.logger.warn({ pieceId, reason: (error as Error).name }, 'multipart completion refused');
        throw incomplet(piece, "L'envoi du fichier n'est pas complet : renvoyez-le.");
      });
      piece = { ...piece, uploadId: null };
      await this.pieces.save(piece);
    }

    const verified = await this.fichiers.verify(piece.key, { size: piece.size, sha256: piece.sha256 });
    if (!verified.ok) {
      if (verified.reason === 'not_found')
        throw incomplet(piece, "Le fichier n'a pas été reçu : envoyez-le avant de confirmer.");
      await this.rejeter(piece);
      throw incomplet(
        piece,
        verified.reason === 'size_mismatch'
          ? 'La taille du fichier reçu ne correspond pas à celle annoncée : renvoyez-le.'
          : 'Le contenu du fichier reçu ne correspond pas à son empreinte SHA-256 : renvoyez-le.',
      );
    }
    if (!contenuConforme(piece.fileName, await this.fichiers.head(piece.key, SNIFF_BYTES))) {
      await this.rejeter(piece);
      throw new DossierException(
        DossierErrorCode.PIECE_JOINTE_CONTENT_MISMATCH,
        'invalid',
        `Le contenu du fichier « ${piece.fileName} » ne correspond pas à son format annoncé (${piece.contentType}) : envoyez un fichier valide.`,
        { pieceJointeId: piece.id, fileName: piece.fileName },
      );
    }

    const now = this.clock.now();
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const updated = joindreFichier(dossier, piece.champId, piece.id, who.email, now);
    // The dossier first: a crash before the file is marked leaves it referenced, which the orphan cleanup
    // recognises and repairs instead of deleting.
    const saved =
      updated === dossier
        ? dossier
        : await this.dossiers.save(updated, [dossierUpdated(updated, revision, [piece.champId])]);
    const attached: PieceJointe = { ...piece, statut: 'jointe', attachedAt: now };
    await this.pieces.save(attached);
    return { pieceJointe: attached, dossier: saved };
  }

  private async rejeter(piece: PieceJointe): Promise<void> {
    await this.fichiers.delete(piece.key);
    await this.pieces.remove(piece.id);
  }
}

function incomplet(piece: PieceJointe, message: string): DossierException {
  return new DossierException(DossierErrorCode.PIECE_JOINTE_UPLOAD_INCOMPLETE, 'invalid', message, {
    pieceJointeId: piece.id,
  });
}
