import { MongooseModule } from '@nestjs/mongoose';
import { EcheancesProcessor } from './jobs/echeances.processor';
import { EcheancesRepository } from './persistence/echeances.repository';
import { MongoEcheancesRepository } from './persistence/mongo-echeances.repository';
import {
  PLANIFICATION_DEMARCHE_COLLECTION,
  PlanificationDemarcheSchema,
} from './persistence/planification-demarche.schema';
import { TRACE_DOSSIER_COLLECTION, TraceDossierSchema } from './persistence/trace-dossier.schema';
import { AppliquerConservationUseCase } from './use-cases/appliquer-conservation/appliquer-conservation.use-case';
import { CloturerDepotsUseCase } from './use-cases/cloturer-depots/cloturer-depots.use-case';

/** What AppModule registers for the deadline and retention sweeps (QueueModule.forRoot is in AppModule). */
export const echeancesImports = [
  MongooseModule.forFeature([
    { name: TRACE_DOSSIER_COLLECTION, schema: TraceDossierSchema },
    { name: PLANIFICATION_DEMARCHE_COLLECTION, schema: PlanificationDemarcheSchema },
  ]),
];
export const echeancesProviders = [
  { provide: EcheancesRepository, useClass: MongoEcheancesRepository },
  CloturerDepotsUseCase,
  AppliquerConservationUseCase,
  EcheancesProcessor,
];
