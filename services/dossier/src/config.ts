import {
  httpEnvFor,
  internalAuthEnv,
  kafkaEnv,
  loadConfig,
  mongoEnv,
  positiveInt,
  redisEnv,
  s3Env,
} from '@demarches/platform-config';
import { z } from 'zod';

const schema = httpEnvFor('dossier', 3003, 9467)
  .merge(mongoEnv.extend({ MONGO_DATABASE: z.string().min(1).default('demarches_dossier') }))
  .merge(kafkaEnv)
  .merge(internalAuthEnv)
  .merge(
    z.object({
      /** How long saving a geographic champ waits for geo's answer (référentiels, BAN, carte) before a clear 503. */
      GEO_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    }),
  )
  .merge(
    z.object({
      // API Entreprise (identity step of a personne morale). Without a token every lookup runs in degraded mode.
      API_ENTREPRISE_URL: z.string().url().default('https://entreprise.api.gouv.fr'),
      API_ENTREPRISE_TOKEN: z.string().min(1).optional(),
      API_ENTREPRISE_TIMEOUT_MS: positiveInt(3000),
      // SIRET of the administration operating the platform: API Entreprise's mandatory `recipient` parameter.
      API_ENTREPRISE_RECIPIENT: z
        .string()
        .regex(/^\d{14}$/)
        .default('13002526500013'),
    }),
  );

// Pièces justificatives, their S3 bucket (the platform's, where form-builder also puts modèle files) and the
// scheduled sweeps of deadlines and retention (services/dossier/src/pieces-jointes, src/echeances).
const piecesJointesEtEcheances = s3Env
  .extend({ S3_BUCKET: z.string().min(3).default('demarches') })
  .merge(redisEnv)
  .extend({
    // Signed download links are handed out per click: a leaked one must die quickly.
    PIECE_JOINTE_URL_TTL_S: positiveInt(60),
    // An upload never confirmed after this long is an orphan: its object is deleted.
    PIECE_JOINTE_ORPHAN_AFTER_S: positiveInt(24 * 3600),
    // How often the sweeps run (date limite, retention, orphan uploads); tests move the clock instead.
    ECHEANCES_SWEEP_EVERY_MS: positiveInt(5 * 60_000),
  });

const fullSchema = schema.merge(piecesJointesEtEcheances);

export type DossierConfig = z.infer<typeof fullSchema>;

export function loadDossierConfig(env?: NodeJS.ProcessEnv): DossierConfig {
  return loadConfig(fullSchema, env);
}
