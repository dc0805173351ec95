import { CommandTopics, type ValiderCarteRequest } from '@demarches/contracts';
import { OnCommand, type CommandResult } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { CarteException } from '../carte/carte.exception';
import { ValiderCarteUseCase } from '../carte/use-cases/valider-carte.use-case';

/**
 * Request-reply for dossier, which validates a carte champ value before storing it. The same rules as the REST
 * endpoint; an invalid drawing comes back as the coded CARTE_INVALIDE error with every problem in its details.
 */
@Injectable()
export class ValiderCarteConsumer {
  constructor(private readonly valider: ValiderCarteUseCase) {}

  @OnCommand(CommandTopics.validerCarte)
  async handle(request: ValiderCarteRequest): Promise<CommandResult<typeof CommandTopics.validerCarte>> {
    const { features, measures } = this.valider.execute(parseGeoJson(request.geojson));
    return {
      ok: {
        featureCollection: JSON.stringify(features),
        featureCount: features.features.length,
        totalAreaM2: measures.totalArea,
        totalLengthM: measures.totalLength,
      },
    };
  }
}

function parseGeoJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw CarteException.invalide([{ path: '(racine)', message: "Le tracé n'est pas du JSON valide." }]);
  }
}
