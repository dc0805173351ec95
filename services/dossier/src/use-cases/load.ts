import { acteurUsager, assertProprietaire, Dossier } from '../domain/dossier';
import { autoriser, OperationUsager } from '../domain/dossier-state';
import { IdentiteLecteur, Lecteur, lecteurDuDossier } from '../domain/lecture';
import { RevisionPubliee } from '../domain/revision';
import { DossierErrorCode, DossierException } from '../dossier.exception';
import { DossierRepository } from '../persistence/dossier.repository';
import { RevisionRepository } from '../persistence/revision.repository';

export async function loadDossier(dossiers: DossierRepository, id: string): Promise<Dossier> {
  const dossier = await dossiers.load(id);
  // A deleted dossier is only a tombstone: for everybody it no longer exists.
  if (!dossier || dossier.deletedAt) throw DossierException.notFound(id);
  return dossier;
}

/**
 * Loads a dossier for an usager-side operation and checks who may do it: the owner, an invité for what invités may
 * do, and nobody else (who gets the answer for a dossier that does not exist).
 */
export async function loadForOperation(
  dossiers: DossierRepository,
  id: string,
  identity: { sub: string; email: string },
  operation: OperationUsager,
): Promise<Dossier> {
  const dossier = await loadDossier(dossiers, id);
  autoriser(acteurUsager(dossier, identity), operation, dossier.state, id);
  return dossier;
}

/** The owner or an invité may read the dossier. */
export async function loadReadable(
  dossiers: DossierRepository,
  id: string,
  identity: { sub: string; email: string },
): Promise<Dossier> {
  const dossier = await loadDossier(dossiers, id);
  if (acteurUsager(dossier, identity) === 'tiers') throw DossierException.notFound(id);
  return dossier;
}

/**
 * The owner, an invité, or an instructeur of the dossier's groupe once it is deposited (domain/lecture.ts) may read
 * the dossier; anybody else gets the answer for a dossier that does not exist.
 */
export async function loadLisible(
  dossiers: DossierRepository,
  revisions: RevisionRepository,
  id: string,
  identity: IdentiteLecteur,
): Promise<{ dossier: Dossier; lecteur: Lecteur }> {
  const dossier = await loadDossier(dossiers, id);
  const acteur = acteurUsager(dossier, identity);
  if (acteur !== 'tiers') return { dossier, lecteur: acteur };
  const lecteur = lecteurDuDossier(dossier, await revisions.findByDemarcheId(dossier.demarcheId), identity);
  if (!lecteur) throw DossierException.notFound(id);
  return { dossier, lecteur };
}

export function assertVersion(dossier: Dossier, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== dossier.version) {
    throw new DossierException(
      DossierErrorCode.DOSSIER_STALE,
      'conflict',
      'Le dossier a été modifié entre-temps : rechargez-le puis recommencez.',
      { expectedVersion, version: dossier.version },
    );
  }
}

/** The usager's own dossier; anyone else gets the answer given for a dossier that does not exist. */
export async function loadOwnDossier(dossiers: DossierRepository, id: string, sub: string): Promise<Dossier> {
  const dossier = await loadDossier(dossiers, id);
  assertProprietaire(dossier, sub);
  return dossier;
}

export async function loadRevision(
  revisions: RevisionRepository,
  demarcheId: string,
): Promise<RevisionPubliee> {
  const revision = await revisions.findByDemarcheId(demarcheId);
  if (!revision) {
    throw new DossierException(
      DossierErrorCode.DEMARCHE_NOT_FOUND,
      'not_found',
      "Cette démarche n'existe pas.",
      {
        demarcheId,
      },
    );
  }
  return revision;
}
