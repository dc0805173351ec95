import { assertProprietaire, Dossier } from '../domain/dossier';
import { RevisionPubliee } from '../domain/revision';
import { DossierErrorCode, DossierException } from '../dossier.exception';
import { DossierRepository } from '../persistence/dossier.repository';
import { RevisionRepository } from '../persistence/revision.repository';

export async function loadDossier(dossiers: DossierRepository, id: string): Promise<Dossier> {
  const dossier = await dossiers.load(id);
  if (!dossier) throw DossierException.notFound(id);
  return dossier;
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
