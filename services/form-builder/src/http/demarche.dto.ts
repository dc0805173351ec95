import { z } from 'zod';
import { Demarche } from '../domain/demarche';
import { TYPES_DE_CHAMP } from '../domain/type-de-champ';

export const creerDemarcheBody = z.object({
  title: z.string().trim().min(1, 'le titre est obligatoire').max(200),
  description: z.string().trim().max(10_000).default(''),
});

const champBody = z.object({
  type: z.enum(TYPES_DE_CHAMP, { message: `type inconnu ; types possibles : ${TYPES_DE_CHAMP.join(', ')}` }),
  label: z.string().trim().min(1, 'le libellé est obligatoire').max(500),
  description: z.string().trim().max(5_000).default(''),
  mandatory: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(500)).max(5_000).default([]),
  /** Type-specific settings; keys and values are business rules of domain/champ-settings.ts. */
  settings: z.record(z.string(), z.unknown()).default({}),
});

/** With `parentId`, the champ is added to the children of that bloc répétable. */
export const ajouterChampBody = champBody.extend({
  parentId: z.string().trim().min(1).max(100).nullable().default(null),
});

export const modifierChampBody = champBody.partial().refine((changes) => Object.keys(changes).length > 0, {
  message: 'au moins une modification est attendue',
});

const FORMES_DEPLACEMENT =
  'attendu : { direction: « haut » | « bas » } (une place dans sa liste) ou { parentId, position } (parentId : le bloc répétable, null pour le formulaire ; position à partir de 0)';

/**
 * Either one place up or down within the champ's list (the seed's arrows), or a position in a list: the form
 * (`parentId` null or absent) or a bloc répétable's children, counted once the champ has left its place.
 */
export const deplacerChampBody = z.union(
  [
    z.object({ direction: z.enum(['haut', 'bas'], { message: 'attendu : haut ou bas' }) }).strict(),
    z
      .object({
        parentId: z.string().trim().min(1).max(100).nullable().default(null),
        position: z
          .number({ message: 'un nombre est attendu' })
          .int('un nombre entier est attendu')
          .min(0, 'la première position est 0'),
      })
      .strict(),
  ],
  {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_union' || issue.code === 'unrecognized_keys'
        ? { message: FORMES_DEPLACEMENT }
        : { message: ctx.defaultError },
  },
);

export const ajouterInstructeurBody = z.object({
  email: z.string().trim().toLowerCase().email("l'adresse e-mail est invalide"),
});

/** Types only: lengths, emptiness and balises are business rules checked by the domain (MAIL_TEMPLATE_INVALID). */
export const personnaliserMailBody = z.object({
  subject: z.string({ message: "l'objet est obligatoire" }),
  body: z.string({ message: 'le corps du message est obligatoire' }),
});

export const publierBody = z.object({
  slug: z.string().min(1, 'le lien public est obligatoire'),
  lienDiffusion: z.string().trim().max(500).optional(),
});

const lien = z.string().trim().max(2_000);

/** Types only: bounds, HTML, URLs schemes and SIRET check digits are business rules of domain/description.ts. */
export const modifierDescriptionBody = z
  .object({
    title: z.string().max(200),
    description: z.string().max(20_000),
    dureeConservationMois: z.number().int('un nombre entier de mois est attendu'),
    publicCible: z.enum(['particulier', 'personne_morale'], {
      message: 'attendu : particulier ou personne_morale',
    }),
    dateLimiteDepot: z
      .string()
      .datetime({ offset: true, message: 'une date ISO 8601 est attendue' })
      .transform((value) => new Date(value))
      .nullable(),
    modeDeclaratif: z.enum(['aucun', 'en_instruction', 'accepte'], {
      message: 'attendu : aucun, en_instruction ou accepte',
    }),
    lienDiffusion: z.string().trim().max(500).nullable(),
    webhookUrl: lien.nullable(),
    monAvis: z.string().max(5_000).nullable(),
    cadreJuridique: z.object({ texte: z.string().max(5_000), url: lien.nullable() }).partial(),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'au moins une modification est attendue',
  });

export const serviceBody = z.object({
  nom: z.string().max(200),
  organisme: z.string().max(300),
  email: z.string().trim().email("l'adresse e-mail du service est invalide"),
  telephone: z.string().max(30),
  horaires: z.string().max(500),
  adresse: z.string().max(500),
  siret: z.string().max(20),
});

export const emailBody = z.object({
  email: z.string().trim().toLowerCase().email("l'adresse e-mail est invalide"),
});

export const televersementBody = z.object({
  contentType: z.string().min(1),
  size: z.number().int().positive('la taille en octets est attendue'),
});

export const confirmationBody = z.object({
  key: z.string().min(1),
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().min(1),
});

export const catalogueQuery = z.object({
  q: z.string().max(200).default(''),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

/** What administrateurs see of a démarche (the outbox and internal fields stay inside). */
export function demarcheView(demarche: Demarche) {
  return {
    id: demarche.id,
    number: demarche.number,
    title: demarche.title,
    description: demarche.description,
    state: demarche.state,
    slug: demarche.slug,
    lien: demarche.slug ? `/commencer/${demarche.slug}` : null,
    administrateurs: demarche.administrateurs,
    champs: demarche.champs,
    annotations: demarche.annotations,
    groupesInstructeurs: demarche.groupesInstructeurs,
    mailTemplates: demarche.mailTemplates,
    publishedAt: demarche.publishedAt,
    createdAt: demarche.createdAt,
    version: demarche.version,
    logo: demarche.logo,
    notice: demarche.notice,
    cadreJuridique: demarche.cadreJuridique,
    dureeConservationMois: demarche.dureeConservationMois,
    publicCible: demarche.publicCible,
    dateLimiteDepot: demarche.dateLimiteDepot,
    modeDeclaratif: demarche.modeDeclaratif,
    service: demarche.service,
    lienDiffusion: demarche.lienDiffusion,
    webhookUrl: demarche.webhookUrl,
    monAvis: demarche.monAvis,
    lienTest: demarche.state === 'brouillon' ? `/commencer/test/${demarche.id}` : null,
    revisionNumber: demarche.revisionNumber,
    revisionPubliee: demarche.revisionPubliee,
    closedAt: demarche.closedAt,
    unpublishedAt: demarche.unpublishedAt,
    replacedBy: demarche.replacedBy,
    clonedFrom: demarche.clonedFrom,
  };
}

/** What the catalogue shows of a published démarche: enough to choose one to clone. */
export function catalogueView(demarche: Demarche) {
  return {
    id: demarche.id,
    number: demarche.number,
    title: demarche.title,
    description: demarche.description,
    lien: demarche.slug ? `/commencer/${demarche.slug}` : null,
    organisme: demarche.service?.organisme ?? null,
    service: demarche.service ? { nom: demarche.service.nom, email: demarche.service.email } : null,
    champs: (demarche.revisionPubliee?.champs ?? demarche.champs).length,
    publishedAt: demarche.publishedAt,
  };
}
