import { Dossier } from '../../domain/dossier';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { loadForOperation, loadLisible, loadReadable } from '../../use-cases/load';
import { PieceJointe } from '../domain/piece-jointe';
import { PieceJointeRepository } from '../persistence/piece-jointe.repository';

export interface Appelant {
  sub: string;
  email: string;
  /** The caller's roles: an instructeur of the dossier's groupe may download its files once deposited. */
  roles?: readonly string[];
}

/** A dossier the caller may edit (owner or invité, while editable); anyone else gets DOSSIER_NOT_FOUND. */
export function loadDossierModifiable(
  dossiers: DossierRepository,
  id: string,
  who: Appelant,
): Promise<Dossier> {
  return loadForOperation(dossiers, id, who, 'modifier');
}

/** A dossier the caller may see (owner or invité). */
export function loadDossierVisible(dossiers: DossierRepository, id: string, who: Appelant): Promise<Dossier> {
  return loadReadable(dossiers, id, who);
}

/** A dossier whose files the caller may download: owner, invité, or instructeur of its groupe once deposited. */
export async function loadDossierLisible(
  dossiers: DossierRepository,
  revisions: RevisionRepository,
  id: string,
  who: Appelant,
): Promise<Dossier> {
  return (await loadLisible(dossiers, revisions, id, who)).dossier;
}

/** A file of that dossier; a file of another dossier is answered as missing. */
export async function loadPieceDuDossier(
  pieces: PieceJointeRepository,
  dossierId: string,
  pieceId: string,
): Promise<PieceJointe> {
  const piece = await pieces.find(pieceId);
  if (!piece || piece.dossierId !== dossierId) throw pieceIntrouvable(pieceId);
  return piece;
}

export function pieceIntrouvable(pieceId: string): DossierException {
  return new DossierException(
    DossierErrorCode.PIECE_JOINTE_NOT_FOUND,
    'not_found',
    "Ce fichier n'existe pas.",
    { pieceJointeId: pieceId },
  );
}
