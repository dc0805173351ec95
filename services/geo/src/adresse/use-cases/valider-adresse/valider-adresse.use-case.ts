import { Injectable } from '@nestjs/common';
import { parseInput } from '@demarches/platform-errors';
import { adresseSaisieSchema } from '../../adresse.schemas';
import { AdresseSuggestion } from '../../adresse.entity';
import { AdresseErrorCode, AdresseException } from '../../adresse.exception';
import { AdresseProvider } from '../../adresse.provider';

/** What the usager submitted: a BAN suggestion they picked, or an address typed by hand. */
export type AdresseSaisie =
  | { kind: 'ban'; id: string; label: string }
  | { kind: 'manual'; label: string; postcode?: string; city?: string };

export type AdresseValidee =
  | { manual: false; verified: true; adresse: AdresseSuggestion }
  /** BAN was down: the pick is kept as submitted and can be re-checked later, never lost. */
  | { manual: false; verified: false; id: string; label: string }
  | { manual: true; label: string; postcode?: string; city?: string };

/**
 * Validation of an adresse champ value, for the dossier service (over Kafka, later). A BAN pick is confirmed by
 * searching its label again and finding the same id (the BAN has no lookup by id); a manual address is accepted
 * as typed, flagged manual, because the reference lets the usager bypass the BAN.
 */
@Injectable()
export class ValiderAdresseUseCase {
  constructor(private readonly provider: AdresseProvider) {}

  /** `input` is checked again here: it crosses a service boundary (Kafka) and its bounds are business rules. */
  async execute(input: AdresseSaisie): Promise<AdresseValidee> {
    const saisie: AdresseSaisie = parseInput(adresseSaisieSchema, input, "L'adresse");
    if (saisie.kind === 'manual') return manual(saisie);
    try {
      const candidates = await this.provider.search({
        q: saisie.label,
        limit: 10,
        autocomplete: false,
      });
      const match = candidates.find((c) => c.id === saisie.id);
      if (!match) throw AdresseException.adresseNotFound(saisie.id);
      return { manual: false, verified: true, adresse: match };
    } catch (error: unknown) {
      if (error instanceof AdresseException && error.code === AdresseErrorCode.BanUnavailable) {
        return { manual: false, verified: false, id: saisie.id, label: squash(saisie.label) };
      }
      throw error;
    }
  }
}

function manual(saisie: Extract<AdresseSaisie, { kind: 'manual' }>): AdresseValidee {
  return {
    manual: true,
    label: squash(saisie.label),
    ...(saisie.postcode ? { postcode: saisie.postcode } : {}),
    ...(saisie.city ? { city: squash(saisie.city) } : {}),
  };
}

/** One line, single spaces: the label is printed in attestations and exports. */
function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
