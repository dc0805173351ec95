import { CONDITION_OPERATORS, type Condition } from '@demarches/formulaire';
import { z } from 'zod';

/** A condition tree: { all: [...] } (« et »), { any: [...] } (« ou ») or a comparison with an earlier champ. */
export const conditionSchema: z.ZodType<Condition, z.ZodTypeDef, unknown> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).max(50) }).strict(),
    z.object({ any: z.array(conditionSchema).max(50) }).strict(),
    z
      .object({
        champId: z.string().min(1, 'champId est obligatoire'),
        operator: z.enum(CONDITION_OPERATORS, {
          message: `opérateur inconnu ; opérateurs possibles : ${CONDITION_OPERATORS.join(', ')}`,
        }),
        value: z.string().max(500).default(''),
      })
      .strict(),
  ]),
);

/** `condition: null` removes the condition. */
export const definirConditionBody = z.object({ condition: conditionSchema.nullable() });

const email = z.string().trim().toLowerCase().email("l'adresse e-mail est invalide");

export const contactSchema = z.object({
  nom: z.string().max(200),
  organisme: z.string().max(200).default(''),
  email: z.string().max(320),
  telephone: z.string().max(40),
  horaires: z.string().max(500),
  adresse: z.string().max(500),
  siret: z.string().max(20).default(''),
});

export const creerGroupeBody = z.object({
  label: z.string({ message: 'le nom du groupe est obligatoire' }),
  contact: contactSchema.nullable().optional(),
});

export const modifierGroupeBody = z
  .object({
    label: z.string(),
    closed: z.boolean(),
    contact: contactSchema.nullable(),
    isDefault: z.literal(true, {
      message: 'seul « true » est possible : désignez un autre groupe par défaut',
    }),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'au moins une modification est attendue',
  });

export const ajouterInstructeursBody = z.union([
  z.object({ email }),
  z.object({ emails: z.array(email).min(1, 'au moins une adresse est attendue').max(200) }),
]);

export const routageBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('aucun') }),
  z.object({
    mode: z.literal('champ'),
    champId: z.string().min(1, 'le champ de routage est obligatoire'),
    correspondances: z
      .array(z.object({ groupeId: z.string().min(1), valeurs: z.array(z.string()).max(5_000) }))
      .max(1_000)
      .optional(),
  }),
]);

export const definirRegleBody = z.object({ rule: conditionSchema.nullable() });
