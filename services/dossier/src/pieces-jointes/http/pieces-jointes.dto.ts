import { z } from 'zod';
import { PieceJointe, TAILLE_MAX } from '../domain/piece-jointe';

export const demarrerEnvoiBody = z.object({
  champId: z.string().min(1).max(100),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine(
      (name) => ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20),
      'le nom de fichier ne doit contenir ni « / », ni « \\ », ni caractère de contrôle',
    ),
  contentType: z.string().min(3).max(255),
  // The 200 Mo limit is checked again by the domain (with a clearer message); this only bounds the input.
  size: z
    .number()
    .int()
    .min(1, 'le fichier est vide')
    .max(TAILLE_MAX * 10),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'empreinte SHA-256 attendue en hexadécimal (64 caractères)'),
});

export const confirmerEnvoiBody = z
  .object({
    parts: z
      .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
      .max(10_000)
      .optional(),
  })
  .default({});

export function pieceJointeView(piece: PieceJointe) {
  return {
    id: piece.id,
    dossierId: piece.dossierId,
    champId: piece.champId,
    fileName: piece.fileName,
    contentType: piece.contentType,
    size: piece.size,
    sha256: piece.sha256,
    statut: piece.statut,
    createdAt: piece.createdAt,
    attachedAt: piece.attachedAt,
  };
}
