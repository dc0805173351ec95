import { accept, isRecord, isString, PieceJustificativeValue, refuse, ShapeValidator } from './types';

const MAX_FILES = 50;

/**
 * Pièce justificative: `{ attachmentIds }`, the ids of files uploaded for this champ. Only the shape is checked here;
 * that each id is an upload of this dossier, complete and scanned, is the attachments module's job, through the
 * PieceJustificativeCheck port (verifications.ts).
 */
export const pieceJustificative: ShapeValidator = (value) => {
  if (!isRecord(value) || !Array.isArray(value['attachmentIds']))
    return refuse('doit être une liste de fichiers joints');
  const ids = value['attachmentIds'] as unknown[];
  if (!ids.every((id) => isString(id) && /^[\w-]{1,100}$/.test(id)))
    return refuse('contient un identifiant de fichier invalide');
  if (ids.length > MAX_FILES) return refuse(`ne doit pas compter plus de ${MAX_FILES} fichiers`);
  return accept<PieceJustificativeValue>({ attachmentIds: [...new Set(ids as string[])] });
};
