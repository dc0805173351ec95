import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { departementCode, listQuery } from './referentiel-query';
import { ConsulterDepartementsUseCase } from './use-cases/consulter-departements.use-case';

const departementsQuery = listQuery.extend({
  region: z
    .string()
    .trim()
    .regex(/^\d{2,3}$/, 'un code de région, par exemple 84')
    .optional(),
});

/** Public reference data, like the communes. */
@Controller('geo/departements')
@Public()
export class DepartementsController {
  constructor(private readonly departements: ConsulterDepartementsUseCase) {}

  @Get()
  list(@Query() query: unknown) {
    return this.departements.rechercher(parseInput(departementsQuery, query));
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.departements.obtenir(parseInput(departementCode, code, 'Le code de département'));
  }
}
