import { Logger } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { clesAbandonnees } from '../../domain/fichiers';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { DemarcheFiles } from '../../storage/demarche-files';

const logger = new Logger('ObjetsAbandonnes');

/**
 * Deletes the S3 objects `avant` pointed at and the saved `apres` no longer does (a file or an attestation image
 * replaced or removed). Called only once the démarche is saved, so a failed save never loses the current file. An
 * object another démarche still points at (a clone shares its source's files) is kept. A failed deletion only
 * leaves an orphan object behind: it is logged, never turned into an error of the change already saved.
 */
export async function supprimerObjetsAbandonnes(
  repository: DemarcheRepository,
  files: DemarcheFiles,
  avant: Demarche,
  apres: Demarche,
): Promise<string[]> {
  const supprimees: string[] = [];
  for (const key of clesAbandonnees(avant, apres)) {
    try {
      if (await repository.sharesObject(key, apres.id)) continue;
      await files.remove(key);
      supprimees.push(key);
    } catch (error: unknown) {
      logger.warn(
        { demarcheId: apres.id, key, reason: error instanceof Error ? error.message : String(error) },
        'could not delete a replaced file',
      );
    }
  }
  return supprimees;
}
