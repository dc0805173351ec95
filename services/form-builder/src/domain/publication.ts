import { randomUUID } from 'node:crypto';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { attestationInvalide } from './attestation';
import { Demarche } from './demarche';
import { templatesInvalides } from './mail-templates';
import { brouillonModifie, changementsInterdits } from './revision';
import { TYPES_SANS_VALEUR } from './type-de-champ';

/** Readable slug used in `/commencer/<slug>`: lowercase words separated by single dashes. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX_LENGTH = 100;

export function validerSlug(slug: string): string {
  const normalized = slug.trim().toLowerCase();
  if (normalized.length < 3 || normalized.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(normalized)) {
    throw new DemarcheException(
      DemarcheErrorCode.SLUG_INVALID,
      'invalid',
      'Le lien public doit faire de 3 à 100 caractères : lettres minuscules sans accent, chiffres et tirets.',
      { slug },
    );
  }
  return normalized;
}

export interface PublicationInput {
  slug: string;
  /** Where usagers find the link; optional when already given at an earlier publication. */
  lienDiffusion?: string | null;
}

export type EtapeManquante =
  | 'champ'
  | 'instructeur'
  | 'service'
  | 'cadre_juridique'
  | 'lien_diffusion'
  | 'date_limite'
  | 'mail_template'
  | 'attestation'
  | 'revision';

export interface Manque {
  step: EtapeManquante;
  message: string;
}

/**
 * Everything the reference requires before a publication (Procedure#missing_steps and the `on: :publication`
 * validations): a champ to fill, an instructeur, a service with its SIRET, a cadre juridique, where usagers find the
 * link, valid e-mail and attestation templates, a date limite still ahead, and a new revision that only makes allowed
 * changes.
 */
export function etapesManquantes(demarche: Demarche, now: Date): Manque[] {
  const manques: Manque[] = [];
  if (!demarche.champs.some((champ) => champ.type !== 'header_section' && champ.type !== 'explication')) {
    manques.push({ step: 'champ', message: 'au moins un champ à remplir' });
  }
  // A bloc répétable without a champ to fill would give the usager rows with nothing in them.
  for (const bloc of [...demarche.champs, ...demarche.annotations]) {
    if (
      bloc.type === 'repetition' &&
      !(bloc.children ?? []).some((child) => !TYPES_SANS_VALEUR.has(child.type))
    ) {
      manques.push({
        step: 'champ',
        message: `au moins un champ à remplir dans le bloc répétable « ${bloc.label} »`,
      });
    }
  }
  if (!demarche.groupesInstructeurs.some((groupe) => groupe.instructeurs.length > 0)) {
    manques.push({ step: 'instructeur', message: 'au moins un instructeur' });
  }
  if (!demarche.service) {
    manques.push({ step: 'service', message: 'le service qui gère la démarche (avec son SIRET)' });
  }
  const cadre = demarche.cadreJuridique;
  if (!cadre.texte && !cadre.url && !cadre.document) {
    manques.push({ step: 'cadre_juridique', message: 'le cadre juridique (texte, lien ou document)' });
  }
  if (!demarche.lienDiffusion) {
    manques.push({ step: 'lien_diffusion', message: 'où les usagers trouveront le lien de la démarche' });
  }
  if (demarche.dateLimiteDepot && demarche.dateLimiteDepot.getTime() <= now.getTime()) {
    manques.push({ step: 'date_limite', message: 'une date limite de dépôt dans le futur (ou aucune)' });
  }
  // The reference requires valid templates: a balise of a champ renamed or deleted since the template was saved.
  for (const { kind, balisesInconnues } of templatesInvalides(demarche)) {
    manques.push({
      step: 'mail_template',
      message: `un modèle d'e-mail « ${kind} » sans balise inconnue (${balisesInconnues.map((b) => `--${b}--`).join(', ')})`,
    });
  }
  // Likewise an enabled attestation whose balises name a champ renamed or deleted since it was saved.
  const balisesAttestation = attestationInvalide(demarche);
  if (balisesAttestation.length > 0) {
    manques.push({
      step: 'attestation',
      message: `une attestation sans balise inconnue (${balisesAttestation.map((b) => `--${b}--`).join(', ')})`,
    });
  }
  for (const changement of changementsInterdits(demarche)) {
    const champ = changement.cible === 'champs';
    const quoi = `${champ ? 'le champ' : "l'annotation"} publié${champ ? '' : 'e'} « ${changement.label} »`;
    const regle =
      changement.raison === 'supprime'
        ? `ne peut pas être supprimé${champ ? '' : 'e'} : rétablissez-l${champ ? 'e' : 'a'}`
        : 'ne peut pas changer de type : rétablissez son type';
    manques.push({ step: 'revision', message: `${quoi} ${regle}` });
  }
  return manques;
}

/**
 * Publishes the draft as a new frozen revision at `/commencer/<slug>`. From brouillon it is the first publication;
 * from publiee a new revision (refused when nothing changed); from close or depubliee a reopening. Each publication
 * increments revisionNumber. The refusal lists every missing step at once (details.missing).
 */
export function publier(demarche: Demarche, input: PublicationInput | string, now: Date): Demarche {
  const { slug, lienDiffusion } =
    typeof input === 'string' ? { slug: input, lienDiffusion: undefined } : input;
  const normalized = validerSlug(slug);
  if (demarche.state === 'publiee' && normalized === demarche.slug && !brouillonModifie(demarche)) {
    throw new DemarcheException(
      DemarcheErrorCode.DEMARCHE_ALREADY_PUBLISHED,
      'conflict',
      'La démarche est déjà publiée et son formulaire n’a pas changé depuis : rien à publier.',
      { demarcheId: demarche.id },
    );
  }
  const candidate: Demarche = {
    ...demarche,
    lienDiffusion: lienDiffusion?.trim() || demarche.lienDiffusion,
  };
  const missing = etapesManquantes(candidate, now);
  if (missing.length > 0) {
    throw new DemarcheException(
      DemarcheErrorCode.DEMARCHE_INCOMPLETE,
      'invalid',
      `La démarche ne peut pas être publiée : il manque ${missing.map((m) => m.message).join(' ; ')}.`,
      { missing },
    );
  }
  const number = demarche.revisionNumber + 1;
  return {
    ...candidate,
    state: 'publiee',
    slug: normalized,
    publishedAt: now,
    revisionNumber: number,
    revisionPubliee: {
      id: demarche.revisionId,
      number,
      champs: demarche.champs,
      annotations: demarche.annotations,
      publishedAt: now,
    },
    // The next edits build the next revision.
    revisionId: randomUUID(),
    closedAt: null,
    unpublishedAt: null,
    replacedBy: null,
  };
}

/** A close or unpublished démarche published again is reopened (DemarcheReopened). */
export function estReouverture(avant: Demarche): boolean {
  return avant.state === 'close' || avant.state === 'depubliee';
}
