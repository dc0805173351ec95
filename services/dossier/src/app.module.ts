import { Topics } from '@demarches/contracts';
import { KafkaModule, kafkaOptionsFromEnv, OutboxModule } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChangerEtatCommandHandler } from './commands/changer-etat.command-handler';
import { DossierConfig } from './config';
import { ProcedureEventsConsumer } from './consumers/procedure-events.consumer';
import { CommencerController } from './http/commencer.controller';
import { DossiersController } from './http/dossiers.controller';
import { DOSSIER_COLLECTION, DossierSchema } from './persistence/dossier.schema';
import { DossierRepository } from './persistence/dossier.repository';
import { MongoDossierRepository } from './persistence/mongo-dossier.repository';
import { MongoRevisionRepository } from './persistence/mongo-revision.repository';
import { REVISION_COLLECTION, RevisionSchema } from './persistence/revision.schema';
import { RevisionRepository } from './persistence/revision.repository';
import { ChangerEtatUseCase } from './use-cases/changer-etat/changer-etat.use-case';
import { Clock } from './use-cases/clock';
import { CommencerDossierUseCase } from './use-cases/commencer-dossier/commencer-dossier.use-case';
import { ConsulterDossiersUseCase } from './use-cases/consulter-dossiers/consulter-dossiers.use-case';
import { DeposerDossierUseCase } from './use-cases/deposer-dossier/deposer-dossier.use-case';
import { EnregistrerChampsUseCase } from './use-cases/enregistrer-champs/enregistrer-champs.use-case';
import { ProjeterDemarcheUseCase } from './use-cases/projeter-demarche/projeter-demarche.use-case';

@Module({})
export class AppModule {
  static forRoot(config: DossierConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        MongooseModule.forFeature([
          { name: DOSSIER_COLLECTION, schema: DossierSchema },
          { name: REVISION_COLLECTION, schema: RevisionSchema },
        ]),
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
        OutboxModule.forFeature({ collection: DOSSIER_COLLECTION, topic: Topics.dossier }),
      ],
      controllers: [CommencerController, DossiersController],
      providers: [
        Clock,
        { provide: DossierRepository, useClass: MongoDossierRepository },
        { provide: RevisionRepository, useClass: MongoRevisionRepository },
        CommencerDossierUseCase,
        EnregistrerChampsUseCase,
        DeposerDossierUseCase,
        ChangerEtatUseCase,
        ConsulterDossiersUseCase,
        ProjeterDemarcheUseCase,
        ProcedureEventsConsumer,
        ChangerEtatCommandHandler,
      ],
    };
  }
}
