import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseInput } from '@demarches/platform-errors';
import { z } from 'zod';
import { ImporterCarteUseCase } from './use-cases/importer-carte.use-case';
import { ValiderCarteUseCase } from './use-cases/valider-carte.use-case';

const validerBody = z.object({
  // The GeoJSON itself is checked by the carte rules, which report every problem with its path.
  geojson: z
    .unknown()
    .refine((value) => value !== undefined && value !== null, 'la carte (GeoJSON) est requise'),
});

const importBody = z.object({
  format: z.enum(['gpx', 'kml'], { message: 'le format est gpx ou kml' }),
  // The size limit is the importer's (CARTE_IMPORT_INVALIDE), so the caller gets one code for every file problem.
  content: z.string({ message: 'le contenu du fichier est requis' }).min(1, 'le fichier est vide'),
});

/**
 * Carte champ for signed-in usagers (no @Public: the gateway forwards the identity). Nothing here is stored: these
 * answers let the front-end show problems and measures before the dossier saves the champ.
 */
@Controller('geo/carte')
export class CarteController {
  constructor(
    private readonly valider: ValiderCarteUseCase,
    private readonly importer: ImporterCarteUseCase,
  ) {}

  @Post('valider')
  @HttpCode(200)
  validate(@Body() body: unknown) {
    return this.valider.execute(parseInput(validerBody, body).geojson);
  }

  @Post('import')
  @HttpCode(200)
  import(@Body() body: unknown) {
    return this.importer.execute(parseInput(importBody, body));
  }
}
