import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { listQuery } from './referentiel-query';
import { ConsulterRegionsUseCase } from './use-cases/consulter-regions.use-case';

const regionCode = z
  .string()
  .trim()
  .regex(/^\d{2,3}$/, 'un code de région, par exemple 84 ou 94');

/** Public reference data, like the communes. */
@Controller('geo/regions')
@Public()
export class RegionsController {
  constructor(private readonly regions: ConsulterRegionsUseCase) {}

  @Get()
  list(@Query() query: unknown) {
    return this.regions.rechercher(parseInput(listQuery, query));
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.regions.obtenir(parseInput(regionCode, code, 'Le code de région'));
  }
}
