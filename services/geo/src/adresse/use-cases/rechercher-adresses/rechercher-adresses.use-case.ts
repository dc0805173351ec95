import { Injectable } from '@nestjs/common';
import { AdresseSearch, AdresseSuggestion } from '../../adresse.entity';
import { AdresseErrorCode, AdresseException } from '../../adresse.exception';
import { AdresseProvider } from '../../adresse.provider';

export const DEGRADED_MESSAGE = "La recherche d'adresse est indisponible : saisissez l'adresse manuellement.";

export type RechercheAdressesAnswer =
  | { degraded: false; suggestions: AdresseSuggestion[] }
  | { degraded: true; suggestions: []; message: string };

/**
 * Autocomplete of the adresse champ. When the BAN cannot answer, the usager must still be able to go on (as in
 * the reference, the champ then takes a manually typed address): the answer is a normal 200 flagged `degraded`
 * rather than an error the front-end would show as a broken form.
 */
@Injectable()
export class RechercherAdressesUseCase {
  constructor(private readonly provider: AdresseProvider) {}

  async execute(search: AdresseSearch): Promise<RechercheAdressesAnswer> {
    try {
      return { degraded: false, suggestions: await this.provider.search(search) };
    } catch (error: unknown) {
      if (error instanceof AdresseException && error.code === AdresseErrorCode.BanUnavailable) {
        return { degraded: true, suggestions: [], message: DEGRADED_MESSAGE };
      }
      throw error;
    }
  }
}
