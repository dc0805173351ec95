import { Etablissement } from '../domain/dossier';

/**
 * The outcome of looking a SIRET up: `unavailable` means the state API could not answer (down, slow, refusing
 * our token): the usager continues in degraded mode with the SIRET alone.
 */
export type EntrepriseLookupResult =
  | { status: 'found'; etablissement: Etablissement }
  | { status: 'not_found' }
  | { status: 'unavailable'; reason: string };

/** Port of the API Entreprise adapter (use cases depend on this, tests may replace it). */
export abstract class EntrepriseLookup {
  abstract etablissement(siret: string): Promise<EntrepriseLookupResult>;
}
