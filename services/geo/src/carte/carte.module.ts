import { Module } from '@nestjs/common';
import { CarteController } from './carte.controller';
import { ImporterCarteUseCase } from './use-cases/importer-carte.use-case';
import { ValiderCarteUseCase } from './use-cases/valider-carte.use-case';

/** The carte champ: GeoJSON validation, GPX/KML import, measures. Stateless, no infrastructure of its own. */
@Module({
  controllers: [CarteController],
  providers: [ValiderCarteUseCase, ImporterCarteUseCase],
  // Exported for the geo service's Kafka request-reply handlers (dossier validates carte values through them).
  exports: [ValiderCarteUseCase, ImporterCarteUseCase],
})
export class CarteModule {}
