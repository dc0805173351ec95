import { randomUUID } from 'node:crypto';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { attestationOf } from './attestation';
import { Demarche, FichierDemarche } from './demarche';

/** The files of a démarche's description: its logo, its notice and the document of its cadre juridique. */
export const FICHIER_KINDS = ['logo', 'notice', 'cadre_juridique'] as const;
export type FichierKind = (typeof FICHIER_KINDS)[number];

type Format = 'png' | 'jpeg' | 'pdf' | 'odt' | 'docx';

const CONTENT_TYPES: Record<Format, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const MO = 1024 * 1024;
/** Reference limits: logo ≤ 5 MB png/jpg; notice and délibération ≤ 20 MB. */
const RULES: Record<FichierKind, { formats: Format[]; maxSize: number; label: string }> = {
  logo: { formats: ['png', 'jpeg'], maxSize: 5 * MO, label: 'Le logo' },
  notice: { formats: ['pdf', 'odt', 'docx'], maxSize: 20 * MO, label: 'La notice' },
  cadre_juridique: {
    formats: ['pdf', 'odt', 'docx'],
    maxSize: 20 * MO,
    label: 'Le texte du cadre juridique',
  },
};

function invalide(message: string, details: Record<string, unknown>): DemarcheException {
  return new DemarcheException(DemarcheErrorCode.FICHIER_INVALID, 'invalid', message, details);
}

export function assertFichierKind(kind: string): FichierKind {
  if (!(FICHIER_KINDS as readonly string[]).includes(kind)) {
    throw new DemarcheException(
      DemarcheErrorCode.FICHIER_INVALID,
      'not_found',
      `Fichier inconnu ; fichiers possibles : ${FICHIER_KINDS.join(', ')}.`,
      { kind },
    );
  }
  return kind as FichierKind;
}

function formatOf(contentType: string): Format | undefined {
  return (Object.keys(CONTENT_TYPES) as Format[]).find((format) => CONTENT_TYPES[format] === contentType);
}

/** What the administrateur announces before uploading; checked again on the stored object at confirmation. */
export function validerTeleversement(kind: FichierKind, input: { contentType: string; size: number }): void {
  const rule = RULES[kind];
  const format = formatOf(input.contentType);
  if (!format || !rule.formats.includes(format)) {
    throw invalide(`${rule.label} doit être au format ${rule.formats.join(', ')}.`, {
      kind,
      contentType: input.contentType,
      accepted: rule.formats.map((f) => CONTENT_TYPES[f]),
    });
  }
  if (input.size <= 0 || input.size > rule.maxSize) {
    throw invalide(`${rule.label} doit peser au plus ${rule.maxSize / MO} Mo.`, {
      kind,
      size: input.size,
      maxSize: rule.maxSize,
    });
  }
}

/** Objects of a démarche live under its own prefix: a confirmation can only point at an upload made for it. */
export function prefixeFichier(demarcheId: string, kind: FichierKind): string {
  return `demarches/${demarcheId}/${kind}/`;
}

export function nouvelleCleFichier(demarcheId: string, kind: FichierKind): string {
  return `${prefixeFichier(demarcheId, kind)}${randomUUID()}`;
}

/** The format the first bytes show (the magic numbers), whatever the announced content type says. */
export function formatReel(head: Buffer): Format | 'zip' | undefined {
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  // ODT and DOCX are ZIP containers; telling them apart would need reading the archive's entries.
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  return undefined;
}

/**
 * Checks the stored object at confirmation: under this démarche's prefix, within the size limit, and with the
 * magic bytes of the announced format (a renamed executable is refused).
 */
export function verifierFichier(
  demarcheId: string,
  kind: FichierKind,
  stored: { key: string; size: number; contentType: string; head: Buffer; filename: string },
): FichierDemarche {
  if (!stored.key.startsWith(prefixeFichier(demarcheId, kind))) {
    throw invalide("Ce fichier n'a pas été téléversé pour cette démarche.", { kind, key: stored.key });
  }
  validerTeleversement(kind, stored);
  const announced = formatOf(stored.contentType);
  const real = formatReel(stored.head);
  const matches = real === announced || (real === 'zip' && (announced === 'odt' || announced === 'docx'));
  if (!matches) {
    throw invalide(`${RULES[kind].label} n'est pas un fichier ${announced ?? stored.contentType} valide.`, {
      kind,
      contentType: stored.contentType,
    });
  }
  return { key: stored.key, filename: stored.filename, contentType: stored.contentType, size: stored.size };
}

export function avecFichier(
  demarche: Demarche,
  kind: FichierKind,
  fichier: FichierDemarche | null,
): Demarche {
  switch (kind) {
    case 'logo':
      return { ...demarche, logo: fichier };
    case 'notice':
      return { ...demarche, notice: fichier };
    case 'cadre_juridique':
      return { ...demarche, cadreJuridique: { ...demarche.cadreJuridique, document: fichier } };
  }
}

export function fichierOf(demarche: Demarche, kind: FichierKind): FichierDemarche | null {
  return kind === 'cadre_juridique' ? demarche.cadreJuridique.document : demarche[kind];
}

/** The description's files the démarche has, in a stable order (logo, notice, cadre juridique). */
export function fichiersPresents(demarche: Demarche): { kind: FichierKind; fichier: FichierDemarche }[] {
  return FICHIER_KINDS.flatMap((kind) => {
    const fichier = fichierOf(demarche, kind);
    return fichier ? [{ kind, fichier }] : [];
  });
}

/**
 * The file behind the public route: anyone may download those of a published démarche; any other state (en test,
 * close, dépubliée) only its administrateurs. Others get the answer of a démarche that does not exist.
 */
export function fichierPublic(
  demarche: Demarche,
  kind: FichierKind,
  viewer: string | undefined,
): FichierDemarche {
  const administrateur = viewer !== undefined && demarche.administrateurs.includes(viewer.toLowerCase());
  if (demarche.deletedAt || (demarche.state !== 'publiee' && !administrateur)) {
    throw DemarcheException.notFound(demarche.id);
  }
  const fichier = fichierOf(demarche, kind);
  if (!fichier) {
    throw new DemarcheException(
      DemarcheErrorCode.FICHIER_INVALID,
      'not_found',
      "Cette démarche n'a pas ce fichier.",
      {
        kind,
      },
    );
  }
  return fichier;
}

/** Every S3 object the démarche points at: the description's files and the attestation's images. */
export function clesStockees(demarche: Demarche): string[] {
  const attestation = attestationOf(demarche);
  return [
    ...fichiersPresents(demarche).map(({ fichier }) => fichier.key),
    ...[attestation.logoKey, attestation.signatureKey].filter((key): key is string => key !== null),
  ];
}

/** The objects `avant` pointed at and `apres` no longer does (a file replaced or removed). */
export function clesAbandonnees(avant: Demarche, apres: Demarche): string[] {
  const gardees = new Set(clesStockees(apres));
  return [...new Set(clesStockees(avant))].filter((key) => !gardees.has(key));
}
