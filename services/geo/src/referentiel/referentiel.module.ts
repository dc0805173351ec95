import { Module } from '@nestjs/common';
import { DepartementsController } from './departements.controller';
import { EpciController } from './epci.controller';
import { PaysController } from './pays.controller';
import { Referentiel } from './referentiel';
import { RegionsController } from './regions.controller';
import { ConsulterDepartementsUseCase } from './use-cases/consulter-departements.use-case';
import { ConsulterEpcisUseCase } from './use-cases/consulter-epcis.use-case';
import { ConsulterPaysUseCase } from './use-cases/consulter-pays.use-case';
import { ConsulterRegionsUseCase } from './use-cases/consulter-regions.use-case';

const useCases = [
  ConsulterRegionsUseCase,
  ConsulterDepartementsUseCase,
  ConsulterEpcisUseCase,
  ConsulterPaysUseCase,
];

/**
 * Régions, départements, EPCI and pays for the localisation champs (REST, public GETs). Self-contained: the
 * référentiel is loaded from the packages when the module is instantiated, and the use cases are exported for
 * a future Kafka consumer. Communes stay in the app module, which already wires their index and command.
 */
@Module({
  controllers: [RegionsController, DepartementsController, EpciController, PaysController],
  providers: [{ provide: Referentiel, useFactory: (): Referentiel => Referentiel.load() }, ...useCases],
  exports: [Referentiel, ...useCases],
})
export class ReferentielModule {}
