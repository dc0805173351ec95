import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule, kafkaOptionsFromEnv } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { MessagingConfig } from './config';
import { DossierEventsConsumer } from './consumers/dossier-events.consumer';
import { MessagesController } from './http/messages.controller';
import { PersistenceModule } from './persistence/persistence.module';
import { EnvoyerMessageUseCase } from './use-cases/envoyer-message/envoyer-message.use-case';
import { ListerMessagesUseCase } from './use-cases/lister-messages/lister-messages.use-case';
import { ProjeterDossierUseCase } from './use-cases/projeter-dossier/projeter-dossier.use-case';

/** messaging: the messagerie of each dossier, open until the decision or the archive. */
@Module({})
export class AppModule {
  static forRoot(config: MessagingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
        PersistenceModule,
      ],
      controllers: [MessagesController],
      providers: [
        EnvoyerMessageUseCase,
        ListerMessagesUseCase,
        ProjeterDossierUseCase,
        DossierEventsConsumer,
      ],
    };
  }
}
