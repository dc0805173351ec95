import { Injectable } from '@nestjs/common';
import { CataloguePage, DemarcheRepository } from '../../persistence/demarche.repository';

export interface CatalogueQuery {
  q: string;
  page: number;
  perPage: number;
}

/** The catalogue of published démarches administrateurs search before cloning one (seed §4). */
@Injectable()
export class ConsulterCatalogueUseCase {
  constructor(private readonly repository: DemarcheRepository) {}

  execute(query: CatalogueQuery): Promise<CataloguePage> {
    return this.repository.catalogue(query.q, query.page, query.perPage);
  }
}
