import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { Demarche } from './demarche';
import { templatesInvalides } from './mail-templates';

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

/**
 * Publishing freezes the revision and opens `/commencer/<slug>`. The reference refuses to publish a démarche
 * without any champ to fill or without an instructeur to receive the dossiers.
 */
export function publier(demarche: Demarche, slug: string, now: Date): Demarche {
  if (demarche.state === 'publiee') {
    throw new DemarcheException(
      DemarcheErrorCode.DEMARCHE_ALREADY_PUBLISHED,
      'conflict',
      'La démarche est déjà publiée.',
      {
        demarcheId: demarche.id,
      },
    );
  }
  const manques: string[] = [];
  if (!demarche.champs.some((champ) => champ.type !== 'header_section' && champ.type !== 'explication')) {
    manques.push('au moins un champ à remplir');
  }
  if (!demarche.groupesInstructeurs.some((groupe) => groupe.instructeurs.length > 0)) {
    manques.push('au moins un instructeur');
  }
  // The reference requires valid templates: a balise of a champ renamed or deleted since the template was saved.
  for (const { kind, balisesInconnues } of templatesInvalides(demarche)) {
    manques.push(
      `un modèle d'e-mail « ${kind} » sans balise inconnue (${balisesInconnues.map((b) => `--${b}--`).join(', ')})`,
    );
  }
  if (manques.length > 0) {
    throw new DemarcheException(
      DemarcheErrorCode.DEMARCHE_INCOMPLETE,
      'invalid',
      `La démarche ne peut pas être publiée : il manque ${manques.join(' et ')}.`,
      { manques },
    );
  }
  return { ...demarche, state: 'publiee', slug: validerSlug(slug), publishedAt: now };
}
