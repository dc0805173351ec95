import { z } from 'zod';
import { Dossier } from '../domain/dossier';
import { RevisionPubliee } from '../domain/revision';

const champValue = z.union([
  z.string().max(100_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(1_000)).max(1_000),
  z.null(),
]);

export const enregistrerChampsBody = z.object({
  values: z.record(z.string().min(1), champValue).refine((values) => Object.keys(values).length > 0, {
    message: 'au moins une valeur de champ est attendue',
  }),
  expectedVersion: z.number().int().min(0).optional(),
});

export function dossierView(dossier: Dossier) {
  return {
    id: dossier.id,
    number: dossier.number,
    demarcheId: dossier.demarcheId,
    state: dossier.state,
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
    champs: revision.champs,
  };
}
