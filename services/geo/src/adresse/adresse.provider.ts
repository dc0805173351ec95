import { AdresseSearch, AdresseSuggestion } from './adresse.entity';

/**
 * Port to an address geocoder. Implementations throw AdresseException BAN_UNAVAILABLE when they cannot answer
 * (timeout, outage, open circuit) and BAN_REJECTED when the geocoder refuses the query; the use cases decide what
 * the usager sees (degraded mode). An abstract class so it doubles as the Nest injection token.
 */
export abstract class AdresseProvider {
  abstract search(query: AdresseSearch): Promise<AdresseSuggestion[]>;
}
