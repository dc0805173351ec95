import { assertAdministrateur, Demarche } from '../domain/demarche';
import { DemarcheException } from '../demarche.exception';
import { DemarcheRepository } from '../persistence/demarche.repository';

/** Loads a démarche the caller administers; anything else looks like a démarche that does not exist. */
export async function loadOwnDemarche(
  repository: DemarcheRepository,
  id: string,
  email: string,
): Promise<Demarche> {
  const demarche = await repository.load(id);
  if (!demarche) throw DemarcheException.notFound(id);
  assertAdministrateur(demarche, email);
  return demarche;
}
