import { Injectable } from '@nestjs/common';
import { CommuneIndex } from '../../communes/commune-index';
import { Commune } from '../../communes/commune.entity';
import { sourceLabel } from '../../communes/commune.view';
import { InjectCommuneIndex, InjectReferenceSource } from '../../communes/communes.provider';
import { ReferenceSource } from '../../communes/reference-data';
import { GeoException } from '../../geo.exception';

@Injectable()
export class ObtenirCommuneUseCase {
  constructor(
    @InjectCommuneIndex() private readonly index: CommuneIndex,
    @InjectReferenceSource() private readonly source: ReferenceSource,
  ) {}

  execute(codeInsee: string): { source: string; commune: Commune } {
    const commune = this.index.byInseeCode(codeInsee.trim());
    if (!commune) throw GeoException.communeNotFound(codeInsee);
    return { source: sourceLabel(this.source), commune };
  }
}
