import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { departementCode, listQuery } from './referentiel-query';
import { ConsulterEpcisUseCase } from './use-cases/consulter-epcis.use-case';

const epciQuery = listQuery.extend({ departement: departementCode.optional() });
const siren = z
  .string()
  .trim()
  .regex(/^\d{9}$/, 'un numéro SIREN à 9 chiffres, par exemple 200046977');

/** Public reference data, like the communes. */
@Controller('geo/epci')
@Public()
export class EpciController {
  constructor(private readonly epcis: ConsulterEpcisUseCase) {}

  @Get()
  list(@Query() query: unknown) {
    return this.epcis.rechercher(parseInput(epciQuery, query));
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.epcis.obtenir(parseInput(siren, code, 'Le numéro SIREN'));
  }
}
