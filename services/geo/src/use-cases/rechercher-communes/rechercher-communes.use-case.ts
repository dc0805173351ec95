import { Injectable } from '@nestjs/common';
import { CommuneFilter, CommuneIndex } from '../../communes/commune-index';
import { CommunesAnswer, sourceLabel } from '../../communes/commune.view';
import { InjectCommuneIndex, InjectReferenceSource } from '../../communes/communes.provider';
import { ReferenceSource } from '../../communes/reference-data';

export interface RechercherCommunesInput extends CommuneFilter {
  /** A name (or its beginning), a postal code or an INSEE code. */
  q: string;
  limit: number;
}

export const MAX_LIMIT = 50;

/**
 * Commune lookup for the "communes" champ: by name, postal code or INSEE code, optionally within one département
 * and including communes déléguées/associées (which then come after the communes actuelles).
 */
@Injectable()
export class RechercherCommunesUseCase {
  constructor(
    @InjectCommuneIndex() private readonly index: CommuneIndex,
    @InjectReferenceSource() private readonly source: ReferenceSource,
  ) {}

  execute({ q, limit, ...filter }: RechercherCommunesInput): CommunesAnswer {
    const bounded = Math.min(Math.max(1, Math.trunc(limit)), MAX_LIMIT);
    return { source: sourceLabel(this.source), communes: this.index.search(q, bounded, filter) };
  }
}
