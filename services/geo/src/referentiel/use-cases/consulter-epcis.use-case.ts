import { Injectable } from '@nestjs/common';
import { Referentiel } from '../referentiel';
import { Epci, EpciResume } from '../referentiel.entity';
import { ReferentielErrorCode, ReferentielException } from '../referentiel.exception';
import { ListInput, listOrSearch } from '../referentiel-query';

export interface RechercherEpcisInput extends ListInput {
  departement?: string;
}

/**
 * The "EPCI" champ: the usager picks a département, then an EPCI in it (as the reference does), or searches by
 * name ("communauté d'agglomération du pays de gex" finds "CA du Pays de Gex") or SIREN.
 */
@Injectable()
export class ConsulterEpcisUseCase {
  constructor(private readonly referentiel: Referentiel) {}

  rechercher({ departement, ...input }: RechercherEpcisInput): { source: string; epcis: EpciResume[] } {
    const { epcis } = this.referentiel;
    const accept = (e: Epci): boolean => departement === undefined || e.departements.includes(departement);
    const found = listOrSearch(
      (q, limit) => epcis.search(q, limit, accept),
      () => epcis.all(accept),
      input,
    );
    return { source: this.referentiel.sources.cog, epcis: found.map(resume) };
  }

  obtenir(code: string): { source: string; epci: Epci } {
    const epci = this.referentiel.epcis.get(code);
    if (!epci) throw ReferentielException.notFound(ReferentielErrorCode.EpciNotFound, code);
    return { source: this.referentiel.sources.cog, epci };
  }
}

function resume({ membres: _membres, ...epci }: Epci): EpciResume {
  return epci;
}
