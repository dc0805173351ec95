import type { PdfBlock, PdfDocumentModel } from '@demarches/pdf';
import type { AttestationTemplate } from './attestation';
import { ChampDescriptor, Demarche } from './demarche';
import { balisesOf } from './mail-templates';
import { TYPES_SANS_VALEUR } from './type-de-champ';

/**
 * The attestation preview (seed: « un aperçu est mis à jour après chaque sauvegarde »): the template rendered with
 * sample values in place of the balises, so the administrateur sees the layout before any dossier exists.
 */

const SEPARATEUR = /^--.*--$/;

function dateDuJour(now: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' }).format(now);
}

function exempleChamp(champ: ChampDescriptor, now: Date): string {
  switch (champ.type) {
    case 'date':
    case 'datetime':
      return dateDuJour(now);
    case 'integer_number':
    case 'decimal_number':
      return '42';
    case 'yes_no':
    case 'checkbox':
      return 'Oui';
    case 'email':
      return 'camille.martin@exemple.fr';
    case 'civilite':
      return 'Mme';
    case 'drop_down_list':
    case 'multiple_drop_down_list':
      return champ.options.find((option) => !SEPARATEUR.test(option)) ?? `[${champ.label}]`;
    default:
      return `[${champ.label}]`;
  }
}

export const NUMERO_EXEMPLE = '123';

/** A sample value for every balise the démarche offers. */
export function valeursExemple(demarche: Demarche, now: Date): Map<string, string> {
  const date = dateDuJour(now);
  const valeurs = new Map<string, string>([
    ['numéro du dossier', NUMERO_EXEMPLE],
    ['libellé démarche', demarche.title],
    ['motivation', 'Motivation de la décision (exemple)'],
    ['lien dossier', '[lien vers le dossier]'],
    ['lien attestation', "[lien vers l'attestation]"],
    ['date de dépôt', date],
    ['date de passage en instruction', date],
    ['date de décision', date],
  ]);
  for (const champ of [...demarche.champs, ...demarche.annotations]) {
    if (!TYPES_SANS_VALEUR.has(champ.type) && !valeurs.has(champ.label)) {
      valeurs.set(champ.label, exempleChamp(champ, now));
    }
  }
  return valeurs;
}

/** Replaces each known balise by its value; an unknown one stays as typed (it cannot be saved anyway). */
export function remplirBalises(text: string, valeurs: Map<string, string>): string {
  return balisesOf(text).reduce((result, balise) => {
    const valeur = valeurs.get(balise);
    return valeur === undefined ? result : result.split(`--${balise}--`).join(valeur);
  }, text);
}

export interface AttestationImages {
  logo?: Buffer;
  signature?: Buffer;
}

/** The document model libs/pdf renders; the dossier service builds the real attestation the same way. */
export function modeleAttestation(
  template: AttestationTemplate,
  valeurs: Map<string, string>,
  images: AttestationImages,
  options: { qrCodeValue: string; now: Date; subject: string },
): PdfDocumentModel {
  const paragraphs: PdfBlock[] = remplirBalises(template.body, valeurs)
    .split(/\n\s*\n/)
    .filter((text) => text.trim() !== '')
    .map((text) => ({ kind: 'paragraph', text: text.trim(), align: 'justify' }));
  const blocks: PdfBlock[] = [...paragraphs];
  if (images.signature) {
    blocks.push(
      { kind: 'spacer' },
      { kind: 'image', data: images.signature, maxWidth: 180, maxHeight: 120, align: 'right' },
    );
  }
  if (template.qrCode) {
    blocks.push({ kind: 'qrCode', value: options.qrCodeValue, size: 80, caption: "Vérifier l'authenticité" });
  }
  return {
    title: remplirBalises(template.title, valeurs),
    subject: options.subject,
    ...(images.logo ? { logo: images.logo } : {}),
    blocks,
    ...(template.footer ? { footer: remplirBalises(template.footer, valeurs) } : {}),
    createdAt: options.now,
  };
}
