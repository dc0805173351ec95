import { KafkaModule, kafkaOptionsFromEnv } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InstructionConfig } from './config';
import { InstructionEventsConsumer } from './consumers/dossier-events.consumer';
import { InstructeurController } from './http/instructeur.controller';
import { DossierInstructionRepository, GroupeRepository } from './persistence/instruction.repositories';
import {
  DOSSIER_INSTRUCTION_COLLECTION,
  DossierInstructionSchema,
  GROUPE_COLLECTION,
  GroupeSchema,
} from './persistence/instruction.schemas';
import {
  MongoDossierInstructionRepository,
  MongoGroupeRepository,
} from './persistence/mongo-instruction.repositories';
import { ChangerEtatUseCase } from './use-cases/changer-etat/changer-etat.use-case';
import { DossierCommands } from './use-cases/changer-etat/dossier-commands.port';
import { KafkaDossierCommands } from './use-cases/changer-etat/kafka-dossier-commands';
import { ListerDossiersUseCase } from './use-cases/lister-dossiers/lister-dossiers.use-case';
import { ProjeterEvenementsUseCase } from './use-cases/projeter-evenements/projeter-evenements.use-case';
import { SuivreDossierUseCase } from './use-cases/suivre-dossier/suivre-dossier.use-case';

@Module({})
export class AppModule {
  static forRoot(config: InstructionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        MongooseModule.forFeature([
          { name: DOSSIER_INSTRUCTION_COLLECTION, schema: DossierInstructionSchema },
          { name: GROUPE_COLLECTION, schema: GroupeSchema },
        ]),
        KafkaModule.forRoot({ ...kafkaOptionsFromEnv(config), commandTimeoutMs: config.COMMAND_TIMEOUT_MS }),
      ],
      controllers: [InstructeurController],
      providers: [
        { provide: GroupeRepository, useClass: MongoGroupeRepository },
        { provide: DossierInstructionRepository, useClass: MongoDossierInstructionRepository },
        { provide: DossierCommands, useClass: KafkaDossierCommands },
        ProjeterEvenementsUseCase,
        ListerDossiersUseCase,
        ChangerEtatUseCase,
        SuivreDossierUseCase,
        InstructionEventsConsumer,
      ],
    };
  }
}
