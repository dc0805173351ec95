import { Injectable } from '@nestjs/common';
import { PaysEntry } from '../pays-data';
import { Referentiel } from '../referentiel';
import { Pays } from '../referentiel.entity';
import { ReferentielErrorCode, ReferentielException } from '../referentiel.exception';
import { ListInput, listOrSearch } from '../referentiel-query';

/** The "pays" champ: ISO 3166-1 alpha-2 codes with their French names ("allemagne" → DE, "etats unis" → US). */
@Injectable()
export class ConsulterPaysUseCase {
  constructor(private readonly referentiel: Referentiel) {}

  rechercher(input: ListInput): { source: string; pays: Pays[] } {
    const { pays } = this.referentiel;
    const found = listOrSearch(
      (q, limit) => pays.search(q, limit),
      () => pays.all(),
      input,
    );
    return { source: this.referentiel.sources.pays, pays: found.map(toPays) };
  }

  obtenir(code: string): { source: string; pays: Pays } {
    const pays = this.referentiel.pays.get(code);
    if (!pays) throw ReferentielException.notFound(ReferentielErrorCode.PaysNotFound, code);
    return { source: this.referentiel.sources.pays, pays: toPays(pays) };
  }
}

/** Aliases only feed the search; the champ stores the code and the usual name. */
function toPays({ code, nom }: PaysEntry): Pays {
  return { code, nom };
}
