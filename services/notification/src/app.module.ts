import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule, kafkaOptionsFromEnv } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { QueueModule } from '@demarches/platform-queue';
import { PlatformModule } from '@demarches/platform-runtime';
import { NotificationConfig } from './config';
import { CopieDemarcheConsumer } from './consumers/copie-demarche.consumer';
import { DemarcheEventsConsumer } from './consumers/demarche-events.consumer';
import { DossierEventsConsumer } from './consumers/dossier-events.consumer';
import { InvitationEventsConsumer } from './consumers/invitation-events.consumer';
import { ExpirationEventsConsumer } from './consumers/expiration-events.consumer';
import { IdentityEventsConsumer } from './consumers/identity-events.consumer';
import { PrevenirExpirationJetonUseCase } from './use-cases/prevenir-expiration-jeton/prevenir-expiration-jeton.use-case';
import { PrevenirExpirationUseCase } from './use-cases/prevenir-expiration/prevenir-expiration.use-case';
import { NotifierInvitationUseCase } from './use-cases/notifier-invitation/notifier-invitation.use-case';
import { NotifierCopieDemarcheUseCase } from './use-cases/notifier-copie-demarche/notifier-copie-demarche.use-case';
import { BullmqEmailQueue } from './jobs/bullmq-email.queue';
import { EmailProcessor } from './jobs/email.processor';
import { emailQueue } from './jobs/email.queue';
import { SmtpMailer } from './mailer/smtp-mailer';
import { PersistenceModule } from './persistence/persistence.module';
import { EmailQueue, Mailer } from './persistence/ports';
import { AccuserReceptionUseCase } from './use-cases/accuser-reception/accuser-reception.use-case';
import { EnvoyerEmailUseCase } from './use-cases/envoyer-email/envoyer-email.use-case';
import { NotifierChangementEtatUseCase } from './use-cases/notifier-changement-etat/notifier-changement-etat.use-case';
import { ProjeterModelesMailUseCase } from './use-cases/projeter-modeles-mail/projeter-modeles-mail.use-case';
import { EmailScheduler } from './use-cases/shared/email-scheduler';

/**
 * notification: dossier events in (démarche snapshots for their customised templates), e-mails out through a BullMQ
 * queue and SMTP. No public HTTP route yet.
 */
@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        QueueModule.forFeature(emailQueue),
        PersistenceModule,
      ],
      providers: [
        { provide: Mailer, useClass: SmtpMailer },
        { provide: EmailQueue, useClass: BullmqEmailQueue },
        EmailScheduler,
        AccuserReceptionUseCase,
        NotifierChangementEtatUseCase,
        EnvoyerEmailUseCase,
        ProjeterModelesMailUseCase,
        DossierEventsConsumer,
        NotifierInvitationUseCase,
        InvitationEventsConsumer,
        PrevenirExpirationUseCase,
        ExpirationEventsConsumer,
        PrevenirExpirationJetonUseCase,
        IdentityEventsConsumer,
        DemarcheEventsConsumer,
        NotifierCopieDemarcheUseCase,
        CopieDemarcheConsumer,
        EmailProcessor,
      ],
    };
  }
}
