import { AdresseValue, CarteValue, CodeValue, CommuneValue, Verdict } from '../domain/champs/types';

export type ReferentielGeo = 'regions' | 'departements' | 'epci';

/**
 * What dossier asks geo before storing a geographic champ value (geo owns the référentiels, the BAN access and the
 * carte rules). A refusal is a Verdict; geo being unreachable throws DossierException GEO_UNAVAILABLE, except for
 * an adresse, which is then kept as submitted and flagged unverified.
 */
export abstract class GeoChecks {
  abstract referentiel(kind: ReferentielGeo, code: string): Promise<Verdict<CodeValue>>;
  abstract commune(value: CommuneValue): Promise<Verdict<CommuneValue>>;
  abstract adresse(value: AdresseValue): Promise<Verdict<AdresseValue>>;
  abstract carte(value: CarteValue): Promise<Verdict<CarteValue>>;
}
