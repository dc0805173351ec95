import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@demarches/platform-kafka';
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
        KafkaModule.forRoot({
          clientId: config.KAFKA_CLIENT_ID ?? config.SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          groupId: config.SERVICE_NAME,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        }),
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
