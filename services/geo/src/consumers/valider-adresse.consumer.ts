import { CommandTopics, type ValiderAdresseRequest } from '@demarches/contracts';
import { DomainError } from '@demarches/platform-errors';
import { OnCommand, type CommandResult } from '@demarches/platform-kafka';
import { Injectable } from '@nestjs/common';
import {
  AdresseSaisie,
  ValiderAdresseUseCase,
} from '../adresse/use-cases/valider-adresse/valider-adresse.use-case';

/** Request-reply for dossier, which validates an adresse champ value before storing it. */
@Injectable()
export class ValiderAdresseConsumer {
  constructor(private readonly valider: ValiderAdresseUseCase) {}

  @OnCommand(CommandTopics.validerAdresse)
  async handle(request: ValiderAdresseRequest): Promise<CommandResult<typeof CommandTopics.validerAdresse>> {
    const result = await this.valider.execute(saisie(request));
    if (result.manual) {
      return {
        ok: {
          label: result.label,
          manual: true,
          verified: false,
          postcode: result.postcode,
          city: result.city,
        },
      };
    }
    if (!result.verified)
      return { ok: { label: result.label, manual: false, verified: false, banId: result.id } };
    const { adresse } = result;
    return {
      ok: {
        label: adresse.label,
        manual: false,
        verified: true,
        banId: adresse.id,
        postcode: adresse.postcode,
        citycode: adresse.citycode,
        city: adresse.city,
      },
    };
  }
}

function saisie(request: ValiderAdresseRequest): AdresseSaisie {
  if (request.ban) return { kind: 'ban', id: request.ban.id, label: request.ban.label };
  if (request.manuelle) {
    return {
      kind: 'manual',
      label: request.manuelle.label,
      postcode: request.manuelle.postcode,
      city: request.manuelle.city,
    };
  }
  throw new DomainError(
    'ADRESSE_INVALIDE',
    'invalid',
    'Une adresse choisie dans la BAN ou saisie à la main est attendue.',
  );
}
