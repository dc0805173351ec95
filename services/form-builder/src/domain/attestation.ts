import { randomUUID } from 'node:crypto';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { Demarche } from './demarche';
import { balisesDisponibles, balisesOf } from './mail-templates';

/**
 * The attestation delivered with an acceptance (seed « Attestation »; reference AttestationTemplate v1): optional
 * (enabled), a title, a body with balises `--libellé--` (checked like the e-mail templates), a footer, a logo at the
 * top, a signature or tampon at the end and an optional QR code. Editable after publication, like the e-mails.
 */
export interface AttestationTemplate {
  enabled: boolean;
  title: string;
  body: string;
  footer: string;
  /** S3 keys of the confirmed images; null when none. */
  logoKey: string | null;
  signatureKey: string | null;
  qrCode: boolean;
}

export type AttestationText = Pick<AttestationTemplate, 'enabled' | 'title' | 'body' | 'footer' | 'qrCode'>;

export const ATTESTATION_TITLE_MAX = 200;
export const ATTESTATION_BODY_MAX = 10_000;
/** Reference limit (attestation_template.rb). */
export const ATTESTATION_FOOTER_MAX = 190;

export const ATTESTATION_IMAGE_KINDS = ['logo', 'signature'] as const;
export type AttestationImageKind = (typeof ATTESTATION_IMAGE_KINDS)[number];
export const ATTESTATION_IMAGE_MAX_SIZE = 5 * 1024 * 1024;
export const ATTESTATION_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;

export const ATTESTATION_PAR_DEFAUT: AttestationTemplate = {
  enabled: false,
  title: 'Attestation',
  body:
    'Nous certifions que le dossier n° --numéro du dossier-- déposé sur la démarche « --libellé démarche-- » ' +
    'a été accepté le --date de décision--.\n\nFait pour servir et valoir ce que de droit.',
  footer: '',
  logoKey: null,
  signatureKey: null,
  qrCode: false,
};

const invalide = (message: string, details: Record<string, unknown>) =>
  new DemarcheException(DemarcheErrorCode.ATTESTATION_INVALID, 'invalid', message, details);

export function attestationOf(demarche: Demarche): AttestationTemplate {
  return demarche.attestation ?? ATTESTATION_PAR_DEFAUT;
}

export function balisesInconnuesAttestation(
  demarche: Demarche,
  text: Pick<AttestationText, 'title' | 'body'>,
): string[] {
  const connues = new Set(balisesDisponibles(demarche));
  return [
    ...new Set([...balisesOf(text.title), ...balisesOf(text.body)].filter((balise) => !connues.has(balise))),
  ];
}

/** Refuses a template with every problem listed (lengths, emptiness when enabled, unknown balises). */
export function personnaliserAttestation(demarche: Demarche, input: AttestationText): Demarche {
  const title = input.title.trim();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  const footer = input.footer.replace(/\s+/g, ' ').trim();
  const problemes: string[] = [];
  if (input.enabled && title === '') problemes.push('le titre est obligatoire');
  if (input.enabled && body === '') problemes.push('le corps du document est obligatoire');
  if (title.length > ATTESTATION_TITLE_MAX)
    problemes.push(`le titre dépasse ${ATTESTATION_TITLE_MAX} caractères`);
  if (body.length > ATTESTATION_BODY_MAX)
    problemes.push(`le corps dépasse ${ATTESTATION_BODY_MAX} caractères`);
  if (footer.length > ATTESTATION_FOOTER_MAX) {
    problemes.push(`le pied de page dépasse ${ATTESTATION_FOOTER_MAX} caractères`);
  }
  const inconnues = balisesInconnuesAttestation(demarche, { title, body });
  if (inconnues.length > 0) {
    problemes.push(`balises inconnues : ${inconnues.map((balise) => `--${balise}--`).join(', ')}`);
  }
  if (problemes.length > 0) {
    throw invalide(`L'attestation est invalide : ${problemes.join(' ; ')}.`, {
      problemes,
      balisesInconnues: inconnues,
    });
  }
  const current = attestationOf(demarche);
  return {
    ...demarche,
    attestation: { ...current, enabled: input.enabled, title, body, footer, qrCode: input.qrCode },
  };
}

export function assertImageKind(kind: string): AttestationImageKind {
  if (!(ATTESTATION_IMAGE_KINDS as readonly string[]).includes(kind)) {
    throw new DemarcheException(
      DemarcheErrorCode.ATTESTATION_INVALID,
      'not_found',
      `Image inconnue ; images possibles : ${ATTESTATION_IMAGE_KINDS.join(', ')}.`,
      { kind },
    );
  }
  return kind as AttestationImageKind;
}

/** What the administrateur announces before uploading; checked again on the stored bytes at confirmation. */
export function validerTeleversementImage(input: { contentType: string; size: number }): void {
  if (!(ATTESTATION_IMAGE_TYPES as readonly string[]).includes(input.contentType)) {
    throw invalide("L'image doit être au format PNG ou JPEG.", { contentType: input.contentType });
  }
  if (input.size <= 0 || input.size > ATTESTATION_IMAGE_MAX_SIZE) {
    throw invalide("L'image doit peser au plus 5 Mo.", {
      size: input.size,
      maxSize: ATTESTATION_IMAGE_MAX_SIZE,
    });
  }
}

/** Images of a démarche's attestation live under its own prefix: a confirmation can only point at its uploads. */
export function prefixeImage(demarcheId: string, kind: AttestationImageKind): string {
  return `demarches/${demarcheId}/attestation-${kind}/`;
}

export function nouvelleCleImage(demarcheId: string, kind: AttestationImageKind): string {
  return `${prefixeImage(demarcheId, kind)}${randomUUID()}`;
}

/**
 * Attaches a confirmed image: the key must be one of this démarche's uploads for this kind, the stored object within
 * the limit, and its first bytes those of the announced format (`format`: what the magic bytes show, null if none).
 */
export function definirImage(
  demarche: Demarche,
  kind: AttestationImageKind,
  stored: { key: string; size: number; contentType: string | undefined; format: 'png' | 'jpeg' | null },
): Demarche {
  if (!stored.key.startsWith(prefixeImage(demarche.id, kind))) {
    throw invalide("Cette image n'a pas été téléversée pour l'attestation de cette démarche.", {
      kind,
      key: stored.key,
    });
  }
  validerTeleversementImage({ contentType: stored.contentType ?? '', size: stored.size });
  const announced = stored.contentType === 'image/png' ? 'png' : 'jpeg';
  if (stored.format !== announced) {
    throw invalide(`Le fichier envoyé n'est pas une image ${announced.toUpperCase()} valide.`, {
      kind,
      contentType: stored.contentType,
    });
  }
  return withImage(demarche, kind, stored.key);
}

export function withImage(demarche: Demarche, kind: AttestationImageKind, key: string | null): Demarche {
  const current = attestationOf(demarche);
  return {
    ...demarche,
    attestation: kind === 'logo' ? { ...current, logoKey: key } : { ...current, signatureKey: key },
  };
}

/** An enabled attestation whose balises no longer exist (a champ renamed or deleted since) blocks publication. */
export function attestationInvalide(demarche: Demarche): string[] {
  const attestation = demarche.attestation;
  return attestation?.enabled ? balisesInconnuesAttestation(demarche, attestation) : [];
}
