import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { listQuery } from './referentiel-query';
import { ConsulterPaysUseCase } from './use-cases/consulter-pays.use-case';

const isoCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'un code ISO 3166-1 alpha-2, par exemple FR ou DE');

/** Public reference data, like the communes. */
@Controller('geo/pays')
@Public()
export class PaysController {
  constructor(private readonly pays: ConsulterPaysUseCase) {}

  @Get()
  list(@Query() query: unknown) {
    return this.pays.rechercher(parseInput(listQuery, query));
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.pays.obtenir(parseInput(isoCode, code, 'Le code pays'));
  }
}
