import { z } from 'zod';
import { Demarche } from '../domain/demarche';
import { TYPES_DE_CHAMP } from '../domain/type-de-champ';

export const creerDemarcheBody = z.object({
  title: z.string().trim().min(1, 'le titre est obligatoire').max(200),
  description: z.string().trim().max(10_000).default(''),
});

export const ajouterChampBody = z.object({
  type: z.enum(TYPES_DE_CHAMP, { message: `type inconnu ; types possibles : ${TYPES_DE_CHAMP.join(', ')}` }),
  label: z.string().trim().min(1, 'le libellé est obligatoire').max(500),
  description: z.string().trim().max(5_000).default(''),
  mandatory: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(500)).max(5_000).default([]),
});

export const modifierChampBody = ajouterChampBody
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'au moins une modification est attendue',
  });

export const deplacerChampBody = z.object({
  direction: z.enum(['haut', 'bas'], { message: 'attendu : haut ou bas' }),
});

export const ajouterInstructeurBody = z.object({
  email: z.string().trim().toLowerCase().email("l'adresse e-mail est invalide"),
});

/** Types only: lengths, emptiness and balises are business rules checked by the domain (MAIL_TEMPLATE_INVALID). */
export const personnaliserMailBody = z.object({
  subject: z.string({ message: "l'objet est obligatoire" }),
  body: z.string({ message: 'le corps du message est obligatoire' }),
});

export const publierBody = z.object({ slug: z.string().min(1, 'le lien public est obligatoire') });

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
  };
}
