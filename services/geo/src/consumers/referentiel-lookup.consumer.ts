import { CommandTopics, ReferentielKind, type ReferentielLookupRequest } from '@demarches/contracts';
import { DomainError } from '@demarches/platform-errors';
import { OnCommand, type CommandResult } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import { Referentiel } from '../referentiel/referentiel';
import { ReferentielErrorCode, ReferentielException } from '../referentiel/referentiel.exception';

type Entry = { code: string; nom: string };

/**
 * Request-reply for dossier, which checks a régions/départements/EPCI/pays champ value by its official code before
 * storing it; an unknown code comes back as the same coded error the REST endpoints give.
 */
@Injectable()
export class ReferentielLookupConsumer {
  constructor(private readonly referentiel: Referentiel) {}

  @OnCommand(CommandTopics.referentielLookup)
  async handle(
    request: ReferentielLookupRequest,
  ): Promise<CommandResult<typeof CommandTopics.referentielLookup>> {
    const code = request.code.trim();
    const [entry, notFound] = this.find(request.kind, code);
    if (!entry) throw ReferentielException.notFound(notFound, code);
    return { ok: { code: entry.code, nom: entry.nom } };
  }

  private find(kind: ReferentielKind, code: string): [Entry | undefined, ReferentielErrorCode] {
    switch (kind) {
      case ReferentielKind.REGION:
        return [this.referentiel.regions.get(code), ReferentielErrorCode.RegionNotFound];
      case ReferentielKind.DEPARTEMENT:
        return [this.referentiel.departements.get(code), ReferentielErrorCode.DepartementNotFound];
      case ReferentielKind.EPCI:
        return [this.referentiel.epcis.get(code), ReferentielErrorCode.EpciNotFound];
      case ReferentielKind.PAYS:
        return [this.referentiel.pays.get(code), ReferentielErrorCode.PaysNotFound];
      default:
        throw new DomainError(
          'REFERENTIEL_KIND_INVALID',
          'invalid',
          'Le type de référentiel demandé est inconnu.',
          {
            kind,
          },
        );
    }
  }
}
