import { CommandTopics, ReferentielKind } from '@demarches/contracts';
import { APP_CONFIG } from '@demarches/platform-config';
import { DomainError } from '@demarches/platform-errors';
import { CommandClient } from '@demarches/platform-kafka';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DossierConfig } from '../config';
import {
  accept,
  AdresseValue,
  CarteValue,
  CodeValue,
  CommuneValue,
  refuse,
  Verdict,
} from '../domain/champs/types';
import { DossierErrorCode, DossierException } from '../dossier.exception';
import { GeoChecks, ReferentielGeo } from './geo-checks';

const KINDS: Record<ReferentielGeo, ReferentielKind> = {
  regions: ReferentielKind.REGION,
  departements: ReferentielKind.DEPARTEMENT,
  epci: ReferentielKind.EPCI,
};

const NOMS: Record<ReferentielGeo, string> = {
  regions: "n'est pas une région connue",
  departements: "n'est pas un département connu",
  epci: "n'est pas un EPCI connu",
};

/** GeoChecks over Kafka request-reply (ADR 0007): geo's commune, référentiel, adresse and carte commands. */
@Injectable()
export class KafkaGeoChecks extends GeoChecks {
  private readonly logger = new Logger(KafkaGeoChecks.name);

  constructor(
    private readonly client: CommandClient,
    @Inject(APP_CONFIG) private readonly config: DossierConfig,
  ) {
    super();
  }

  private get options() {
    return { timeoutMs: this.config.GEO_COMMAND_TIMEOUT_MS };
  }

  async referentiel(kind: ReferentielGeo, code: string): Promise<Verdict<CodeValue>> {
    try {
      const entry = await this.client.send(
        CommandTopics.referentielLookup,
        { kind: KINDS[kind], code },
        this.options,
      );
      return accept({ code: entry.code, nom: entry.nom });
    } catch (error: unknown) {
      return this.refusal(error, NOMS[kind]);
    }
  }

  async commune(value: CommuneValue): Promise<Verdict<CommuneValue>> {
    try {
      const reply = await this.client.send(
        CommandTopics.communeLookup,
        { codeInsee: value.code, limit: 1 },
        { ...this.options, key: value.code },
      );
      const commune = reply.communes[0];
      if (!commune) return refuse("n'est pas une commune connue");
      if (value.postcode && !commune.codesPostaux.includes(value.postcode))
        return refuse(`: le code postal ${value.postcode} n'est pas celui de ${commune.name}`);
      // A commune with a single postal code gets it, so exports and PDFs always show one.
      const postcode =
        value.postcode ?? (commune.codesPostaux.length === 1 ? commune.codesPostaux[0] : undefined);
      return accept({
        code: commune.codeInsee,
        nom: commune.name,
        departement: commune.departementCode,
        ...(postcode ? { postcode } : {}),
      });
    } catch (error: unknown) {
      return this.refusal(error, "n'est pas une commune connue");
    }
  }

  async adresse(value: AdresseValue): Promise<Verdict<AdresseValue>> {
    const request =
      !value.manual && value.banId
        ? { ban: { id: value.banId, label: value.label } }
        : { manuelle: { label: value.label, postcode: value.postcode, city: value.city } };
    try {
      const ok = await this.client.send(CommandTopics.validerAdresse, request, this.options);
      return accept<AdresseValue>({
        label: ok.label,
        manual: ok.manual,
        verified: ok.verified,
        ...(ok.banId ? { banId: ok.banId } : {}),
        ...(ok.postcode ? { postcode: ok.postcode } : value.postcode ? { postcode: value.postcode } : {}),
        ...(ok.citycode ? { citycode: ok.citycode } : value.citycode ? { citycode: value.citycode } : {}),
        ...(ok.city ? { city: ok.city } : value.city ? { city: value.city } : {}),
        // Geo confirms the BAN id; the point is the one of the suggestion the usager picked.
        ...(value.coordinates && !ok.manual ? { coordinates: value.coordinates } : {}),
      });
    } catch (error: unknown) {
      if (error instanceof DomainError && error.kind === 'unavailable') {
        // The reference never blocks the usager on the BAN: the address is kept as typed, to be checked later.
        this.logger.warn({ code: error.code }, 'geo unreachable, adresse kept unverified');
        return accept({ ...value, verified: false });
      }
      return this.refusal(error, "n'est pas une adresse connue de la Base Adresse Nationale");
    }
  }

  async carte(value: CarteValue): Promise<Verdict<CarteValue>> {
    try {
      const ok = await this.client.send(
        CommandTopics.validerCarte,
        { geojson: JSON.stringify(value) },
        this.options,
      );
      return accept(JSON.parse(ok.featureCollection) as CarteValue);
    } catch (error: unknown) {
      if (error instanceof DomainError && error.code === 'CARTE_INVALIDE') {
        const problems =
          (error.details?.['violations'] as Array<{ path: string; message: string }> | undefined) ?? [];
        const detail = problems
          .slice(0, 3)
          .map((p) => `${p.path} : ${p.message}`)
          .join(' ; ');
        return refuse(`n'est pas un tracé valide${detail ? ` (${detail})` : ''}`);
      }
      return this.refusal(error, "n'est pas un tracé valide");
    }
  }

  /** Coded refusals (not found, invalid) become the champ's problem; an unreachable geo is the caller's 503. */
  private refusal(error: unknown, reason: string): Verdict<never> {
    if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'invalid'))
      return refuse(reason);
    if (error instanceof DomainError && error.kind === 'unavailable') {
      throw new DossierException(
        DossierErrorCode.GEO_UNAVAILABLE,
        'unavailable',
        "Le service de données géographiques ne répond pas : réessayez d'enregistrer dans quelques instants.",
        { code: error.code },
      );
    }
    throw error;
  }
}
