import { Controller, Get, Query } from '@nestjs/common';
import { Public } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { rechercheAdressesQuery } from './adresse.schemas';
import {
  RechercheAdressesAnswer,
  RechercherAdressesUseCase,
} from './use-cases/rechercher-adresses/rechercher-adresses.use-case';

/** Address autocomplete is public like the BAN itself: the usager may not be signed in yet when filling in. */
@Controller('geo/adresses')
@Public()
export class AdresseController {
  constructor(private readonly rechercher: RechercherAdressesUseCase) {}

  @Get()
  search(@Query() query: unknown): Promise<RechercheAdressesAnswer> {
    const { q, limit, postcode, citycode, type, autocomplete } = parseInput(rechercheAdressesQuery, query);
    return this.rechercher.execute({
      q,
      limit,
      autocomplete,
      ...(postcode ? { postcode } : {}),
      ...(citycode ? { citycode } : {}),
      ...(type ? { type } : {}),
    });
  }
}
