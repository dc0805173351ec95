import { Injectable } from '@nestjs/common';
import { Referentiel } from '../referentiel';
import { Departement } from '../referentiel.entity';
import { ReferentielErrorCode, ReferentielException } from '../referentiel.exception';
import { ListInput, listOrSearch } from '../referentiel-query';

export interface RechercherDepartementsInput extends ListInput {
  region?: string;
}

/** The "départements" champ: by name or code ("69", "2a", "974"), optionally within one région. */
@Injectable()
export class ConsulterDepartementsUseCase {
  constructor(private readonly referentiel: Referentiel) {}

  rechercher({ region, ...input }: RechercherDepartementsInput): {
    source: string;
    departements: Departement[];
  } {
    const { departements } = this.referentiel;
    const accept = (d: Departement): boolean => region === undefined || d.region === region;
    return {
      source: this.referentiel.sources.cog,
      departements: listOrSearch(
        (q, limit) => departements.search(q, limit, accept),
        () => departements.all(accept),
        input,
      ),
    };
  }

  obtenir(code: string): { source: string; departement: Departement } {
    const departement = this.referentiel.departements.get(code);
    if (!departement) throw ReferentielException.notFound(ReferentielErrorCode.DepartementNotFound, code);
    return { source: this.referentiel.sources.cog, departement };
  }
}
