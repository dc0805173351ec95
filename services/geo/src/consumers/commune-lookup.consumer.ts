import { Injectable } from '@nestjs/common';
import {
  CommandTopics,
  type Commune as CommuneMessage,
  type CommuneLookupRequest,
} from '@demarches/contracts';
import { OnCommand, type CommandResult } from '@demarches/platform-kafka';
import { Commune } from '../communes/commune.entity';
import { GeoException } from '../geo.exception';
import { ObtenirCommuneUseCase } from '../use-cases/obtenir-commune/obtenir-commune.use-case';
import { RechercherCommunesUseCase } from '../use-cases/rechercher-communes/rechercher-communes.use-case';

const DEFAULT_LIMIT = 10;

/**
 * Request-reply for other services (a dossier validating a commune champ): code_insee wins, then the free-text
 * query, then the postal code, as the proto documents.
 */
@Injectable()
export class CommuneLookupConsumer {
  constructor(
    private readonly rechercher: RechercherCommunesUseCase,
    private readonly obtenir: ObtenirCommuneUseCase,
  ) {}

  @OnCommand(CommandTopics.communeLookup)
  async lookup(request: CommuneLookupRequest): Promise<CommandResult<typeof CommandTopics.communeLookup>> {
    const limit = request.limit > 0 ? request.limit : DEFAULT_LIMIT;
    if (request.codeInsee)
      return { ok: { communes: [toMessage(this.obtenir.execute(request.codeInsee).commune)] } };
    const q = request.query?.trim() || request.codePostal?.trim();
    if (!q) throw GeoException.emptyLookup();
    return { ok: { communes: this.rechercher.execute({ q, limit }).communes.map(toMessage) } };
  }
}

function toMessage(commune: Commune): CommuneMessage {
  return {
    codeInsee: commune.codeInsee,
    name: commune.nom,
    codesPostaux: commune.codesPostaux,
    departementCode: commune.departement,
    regionCode: commune.region,
  };
}
