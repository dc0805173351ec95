import { Injectable } from '@nestjs/common';
import { Referentiel } from '../referentiel';
import { Departement, Region } from '../referentiel.entity';
import { ReferentielErrorCode, ReferentielException } from '../referentiel.exception';
import { ListInput, listOrSearch } from '../referentiel-query';

export interface RegionDetail extends Region {
  departements: Pick<Departement, 'code' | 'nom'>[];
}

/** The "régions" champ: the list (or a search in it) and one région with its départements. */
@Injectable()
export class ConsulterRegionsUseCase {
  constructor(private readonly referentiel: Referentiel) {}

  rechercher(input: ListInput): { source: string; regions: Region[] } {
    const { regions } = this.referentiel;
    return {
      source: this.referentiel.sources.cog,
      regions: listOrSearch(
        (q, limit) => regions.search(q, limit),
        () => regions.all(),
        input,
      ),
    };
  }

  obtenir(code: string): { source: string; region: RegionDetail } {
    const region = this.referentiel.regions.get(code);
    if (!region) throw ReferentielException.notFound(ReferentielErrorCode.RegionNotFound, code);
    const departements = this.referentiel.departements
      .all((d) => d.region === region.code)
      .map(({ code: c, nom }) => ({ code: c, nom }));
    return { source: this.referentiel.sources.cog, region: { ...region, departements } };
  }
}
