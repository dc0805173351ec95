import { KafkaModule, kafkaOptionsFromEnv, OutboxModule } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Topics } from '@demarches/contracts';
import { FormBuilderConfig } from './config';
import { DemarchesController } from './http/demarches.controller';
import { AnnotationsController, ChampsController } from './http/formulaire.controller';
import { MailsController } from './http/mails.controller';
import { DemarcheRepository } from './persistence/demarche.repository';
import { DEMARCHE_COLLECTION, DemarcheSchema } from './persistence/demarche.schema';
import { MongoDemarcheRepository } from './persistence/mongo-demarche.repository';
import { EditerFormulaireUseCase } from './use-cases/editer-formulaire/editer-formulaire.use-case';
import { AjouterInstructeurUseCase } from './use-cases/ajouter-instructeur/ajouter-instructeur.use-case';
import { Clock } from './use-cases/clock';
import { ConsulterDemarchesUseCase } from './use-cases/consulter-demarches/consulter-demarches.use-case';
import { CreerDemarcheUseCase } from './use-cases/creer-demarche/creer-demarche.use-case';
import { PersonnaliserMailsUseCase } from './use-cases/personnaliser-mails/personnaliser-mails.use-case';
import { PublierDemarcheUseCase } from './use-cases/publier-demarche/publier-demarche.use-case';

@Module({})
export class AppModule {
  static forRoot(config: FormBuilderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        MongooseModule.forFeature([{ name: DEMARCHE_COLLECTION, schema: DemarcheSchema }]),
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
        OutboxModule.forFeature({ collection: DEMARCHE_COLLECTION, topic: Topics.procedure }),
      ],
      controllers: [DemarchesController, ChampsController, AnnotationsController, MailsController],
      providers: [
        Clock,
        { provide: DemarcheRepository, useClass: MongoDemarcheRepository },
        CreerDemarcheUseCase,
        EditerFormulaireUseCase,
        AjouterInstructeurUseCase,
        PublierDemarcheUseCase,
        PersonnaliserMailsUseCase,
        ConsulterDemarchesUseCase,
      ],
    };
  }
}
