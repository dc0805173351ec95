import { randomUUID } from 'node:crypto';
import { ChampDescriptor } from '../../domain/revision';
import { DossierErrorCode, DossierException } from '../../dossier.exception';
import { extensionOf, FORMATS, verifierDeclaration } from './formats';

/**
 * A file sent for a pièce justificative. The browser uploads it straight to S3 through presigned URLs; the service
 * never carries its bytes. Life: `en_attente` (URLs handed out) → `jointe` (checked and attached to the champ) →
 * `retiree` (detached by the usager; its object is deleted by the cleanup job). Uploads never confirmed are orphans.
 */
export type StatutPieceJointe = 'en_attente' | 'jointe' | 'retiree';

export interface PieceJointe {
  id: string;
  dossierId: string;
  champId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 declared by the client, checked against the stored object at confirmation. */
  sha256: string;
  /** S3 key chosen by the service, never by the client. */
  key: string;
  /** Set for a multipart upload until it is completed or aborted. */
  uploadId: string | null;
  statut: StatutPieceJointe;
  uploadedBy: string;
  createdAt: Date;
  attachedAt: Date | null;
  removedAt: Date | null;
}

export const MEGA = 1024 * 1024;
/** « La taille de chaque fichier doit être inférieure à 200 Mo » (seed, champ Pièce justificative). */
export const TAILLE_MAX = 200 * MEGA;
/** Titre d'identité: 20 Mo, images only (reference, §h size limits). */
export const TAILLE_MAX_TITRE_IDENTITE = 20 * MEGA;
const EXTENSIONS_TITRE_IDENTITE: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'png']);
/** Above this size the browser sends the file in parts (S3 parts are at least 5 MiB but the last one). */
export const SEUIL_MULTIPART = 16 * MEGA;
export const TAILLE_PART = 16 * MEGA;
/** Files per champ (reference: the UI allows at most 10 files per champ). */
export const FICHIERS_MAX_PAR_CHAMP = 10;

export const TYPES_PIECE: ReadonlySet<string> = new Set(['piece_justificative', 'titre_identite']);

export interface DeclarationEnvoi {
  champId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * The extensions a champ takes: the seed's list, narrowed by the nature (a titre d'identité is an image) and by the
 * formats the administrateur chose in the champ's settings (form-builder validates them against the same list).
 */
export function formatsAcceptes(champ: ChampDescriptor, titre: boolean): string[] {
  const base = titre ? [...EXTENSIONS_TITRE_IDENTITE] : Object.keys(FORMATS);
  const choisis = champ.settings?.['formats'];
  if (!Array.isArray(choisis) || choisis.length === 0) return base;
  return base.filter((extension) => choisis.includes(extension));
}

/** Checks what the usager declares about a file, before handing out any upload URL. */
export function verifierEnvoi(champ: ChampDescriptor | undefined, declaration: DeclarationEnvoi): void {
  if (!champ || !TYPES_PIECE.has(champ.type)) {
    throw new DossierException(
      DossierErrorCode.CHAMP_NOT_PIECE_JUSTIFICATIVE,
      'invalid',
      "Ce champ n'accepte pas de fichier : choisissez un champ « pièce justificative » du formulaire.",
      { champId: declaration.champId },
    );
  }
  const titre = champ.type === 'titre_identite' || champ.settings?.['nature'] === 'titre_identite';
  const max = titre ? TAILLE_MAX_TITRE_IDENTITE : TAILLE_MAX;
  if (declaration.size > max) {
    throw new DossierException(
      DossierErrorCode.PIECE_JOINTE_TOO_LARGE,
      'invalid',
      `Le fichier « ${declaration.fileName} » est trop volumineux : la taille maximale est de ${max / MEGA} Mo.`,
      { size: declaration.size, max },
    );
  }
  const extension = extensionOf(declaration.fileName);
  const problem = verifierDeclaration(declaration.fileName, declaration.contentType);
  const accepted = formatsAcceptes(champ, titre);
  if (problem === 'extension_refusee' || !accepted.includes(extension)) {
    throw new DossierException(
      DossierErrorCode.PIECE_JOINTE_FORMAT_REFUSED,
      'invalid',
      `Le format du fichier « ${declaration.fileName} » n'est pas accepté. Formats acceptés : ${accepted
        .map((e) => `.${e}`)
        .join(', ')}.`,
      { extension, accepted },
    );
  }
  if (problem === 'type_incoherent') {
    throw new DossierException(
      DossierErrorCode.PIECE_JOINTE_FORMAT_REFUSED,
      'invalid',
      `Le type déclaré (${declaration.contentType}) ne correspond pas à l'extension du fichier « ${declaration.fileName} ».`,
      { extension, contentType: declaration.contentType },
    );
  }
}

export function nouvellePieceJointe(
  dossierId: string,
  declaration: DeclarationEnvoi,
  uploadedBy: string,
  now: Date,
): PieceJointe {
  const id = randomUUID();
  return {
    id,
    dossierId,
    champId: declaration.champId,
    fileName: declaration.fileName,
    contentType: declaration.contentType,
    size: declaration.size,
    sha256: declaration.sha256.toLowerCase(),
    // The extension stays in the key so an operator browsing the bucket knows what a file is.
    key: `dossiers/${dossierId}/pieces-jointes/${id}.${extensionOf(declaration.fileName)}`,
    uploadId: null,
    statut: 'en_attente',
    uploadedBy,
    createdAt: now,
    attachedAt: null,
    removedAt: null,
  };
}

/** Sizes of the parts of a multipart upload: TAILLE_PART each, the last one smaller. */
export function decouperEnParts(size: number): { partNumber: number; size: number }[] {
  const parts = [];
  for (let offset = 0, n = 1; offset < size; offset += TAILLE_PART, n += 1) {
    parts.push({ partNumber: n, size: Math.min(TAILLE_PART, size - offset) });
  }
  return parts;
}

/** The ids of the files attached to a champ, as stored in the dossier's champ value `{ attachmentIds }`. */
export function fichiersDuChamp(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const ids = (value as { attachmentIds?: unknown }).attachmentIds;
  return Array.isArray(ids) ? ids.filter((v): v is string => typeof v === 'string') : [];
}

/** Every file id the champs of a dossier reference, those of répétition rows included. */
export function fichiersDesChamps(champs: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  const visiter = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visiter);
    if (typeof value !== 'object' || value === null) return;
    for (const id of fichiersDuChamp(value)) ids.add(id);
    Object.values(value).forEach(visiter);
  };
  visiter(champs);
  return ids;
}
