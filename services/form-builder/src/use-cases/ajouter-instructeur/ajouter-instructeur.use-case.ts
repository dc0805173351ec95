import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import { ajouterInstructeurs, groupeParDefaut } from '../../domain/groupes';
import { GererGroupesUseCase } from '../gerer-groupes/gerer-groupes.use-case';

/**
 * Adds instructeurs by e-mail to a groupe (the default groupe when none is given, the seed's « instruction
 * unique »). The GroupesInstructeursChanged event lists the new e-mails: identity invites those without an account.
 */
@Injectable()
export class AjouterInstructeurUseCase {
  constructor(private readonly groupes: GererGroupesUseCase) {}

  async execute(
    administrateur: string,
    demarcheId: string,
    emails: string | string[],
    groupeId?: string,
  ): Promise<Demarche> {
    const { demarche } = await this.groupes.execute(administrateur, demarcheId, (current) =>
      ajouterInstructeurs(
        current,
        groupeId ?? groupeParDefaut(current).id,
        Array.isArray(emails) ? emails : [emails],
      ),
    );
    return demarche;
  }
}
