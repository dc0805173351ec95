import { z } from 'zod';
import { Dossier } from '../domain/dossier';
import { RevisionPubliee } from '../domain/revision';

/** Deep enough for a carte (MultiPolygon coordinates) inside a row of a bloc répétable; the domain checks shapes. */
const MAX_DEPTH = 12;

/**
 * Any JSON value (ADR 0013: each champ type has its own shape, checked by the domain), bounded in depth, with keys
 * MongoDB can store (no '.' and no leading '$').
 */
function storableJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth >= MAX_DEPTH || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => storableJson(item, depth + 1));
  return Object.entries(value).every(
    ([key, item]) => !key.includes('.') && !key.startsWith('$') && storableJson(item, depth + 1),
  );
}

const champValue = z.unknown().refine(storableJson, {
  message: "n'est pas une valeur JSON acceptée (profondeur ou clés non autorisées)",
});

export const enregistrerChampsBody = z.object({
  values: z.record(z.string().min(1), champValue).refine((values) => Object.keys(values).length > 0, {
    message: 'au moins une valeur de champ est attendue',
  }),
  expectedVersion: z.number().int().min(0).optional(),
});

const expectedVersion = z.number().int().min(0).optional();

export const versionBody = z.object({ expectedVersion }).default({});

export const versionQuery = z.object({ expectedVersion: z.coerce.number().int().min(0).optional() });

export const pagination = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

export const particulierBody = z.object({
  civilite: z.enum(['M.', 'Mme']),
  nom: z.string().trim().min(1).max(200),
  prenom: z.string().trim().min(1).max(200),
  expectedVersion,
});

export const siretBody = z.object({
  siret: z.string().trim().min(1).max(40),
  expectedVersion,
});

export const inviterBody = z.object({
  email: z.string().trim().min(3).max(320),
  message: z.string().max(2_000).default(''),
  expectedVersion,
});

export function dossierView(dossier: Dossier) {
  return {
    id: dossier.id,
    number: dossier.number,
    demarcheId: dossier.demarcheId,
    state: dossier.state,
    groupeInstructeurId: dossier.groupeInstructeurId,
    test: dossier.test,
    demandeur: dossier.demandeur,
    invites: dossier.invites.map(({ email, message, invitedAt }) => ({ email, message, invitedAt })),
    champs: dossier.champs,
    motivation: dossier.motivation,
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
    depositedAt: dossier.depositedAt,
    instructionStartedAt: dossier.instructionStartedAt,
    decidedAt: dossier.decidedAt,
    history: dossier.history,
    version: dossier.version,
  };
}

export function demarchePubliqueView(revision: RevisionPubliee) {
  return {
    demarcheId: revision.demarcheId,
    number: revision.demarcheNumber,
    title: revision.title,
    slug: revision.slug,
    state: revision.state,
    publicCible: revision.publicCible ?? 'particulier',
    enTest: revision.enTest ?? false,
    dateLimite: revision.dateLimite ?? null,
    declaratif: revision.declarativeMode ?? null,
    champs: revision.champs,
  };
}
