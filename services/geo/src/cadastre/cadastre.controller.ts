import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseInput } from '@demarches/platform-errors';
import { parcellesBody } from './cadastre.schemas';
import {
  ParcellesFeatureCollection,
  RechercherParcellesUseCase,
} from './use-cases/rechercher-parcelles/rechercher-parcelles.use-case';

/**
 * A POST because the area does not fit a query string comfortably; not @Public: only a signed-in usager drawing
 * on a dossier needs it, and each call costs an upstream request.
 */
@Controller('geo/cadastre')
export class CadastreController {
  constructor(private readonly rechercher: RechercherParcellesUseCase) {}

  @Post('parcelles')
  @HttpCode(200)
  parcelles(@Body() body: unknown): Promise<ParcellesFeatureCollection> {
    const { geometry } = parseInput(parcellesBody, body, 'La zone dessinée');
    return this.rechercher.execute(geometry);
  }
}
