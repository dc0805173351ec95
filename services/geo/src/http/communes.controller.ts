import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { COMMUNE_TYPES } from '../communes/commune.entity';
import {
  MAX_LIMIT,
  RechercherCommunesUseCase,
} from '../use-cases/rechercher-communes/rechercher-communes.use-case';
import { ObtenirCommuneUseCase } from '../use-cases/obtenir-commune/obtenir-commune.use-case';

const rechercheQuery = z.object({
  q: z.string().trim().min(2, 'au moins 2 caractères (nom, code postal ou code INSEE)').max(100),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(10),
  departement: z
    .string()
    .trim()
    .regex(/^(\d{2}|2[AB]|9[78]\d)$/i, 'un code de département, par exemple 69, 2A ou 974')
    .transform((code) => code.toUpperCase())
    .optional(),
  // `?types=commune-actuelle,commune-deleguee`: former communes are opt-in, a champ stores current communes.
  types: z
    .string()
    .transform((value) => value.split(',').map((type) => type.trim()))
    .pipe(z.array(z.enum(COMMUNE_TYPES)).min(1))
    .optional(),
});

const codeInseeParam = z
  .string()
  .regex(/^(\d{2}|2[AB])\d{3}$/i, 'un code INSEE a 5 caractères, par exemple 69123 ou 2A004');

/** Reference data is public: the gateway lets anonymous GETs through and so does this service. */
@Controller('geo/communes')
@Public()
export class CommunesController {
  constructor(
    private readonly rechercher: RechercherCommunesUseCase,
    private readonly obtenir: ObtenirCommuneUseCase,
  ) {}

  @Get()
  search(@Query() query: unknown) {
    return this.rechercher.execute(parseInput(rechercheQuery, query));
  }

  @Get(':codeInsee')
  get(@Param('codeInsee') codeInsee: string) {
    return this.obtenir.execute(parseInput(codeInseeParam, codeInsee, 'Le code INSEE'));
  }
}
