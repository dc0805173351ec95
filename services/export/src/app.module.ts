import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule, kafkaOptionsFromEnv } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { QueueModule } from '@demarches/platform-queue';
import { PlatformModule } from '@demarches/platform-runtime';
import { StorageModule, storageOptionsFromEnv } from '@demarches/platform-storage';
import { ExportConfig } from './config';
import { DossierEventsConsumer } from './consumers/dossier-events.consumer';
import { ExportsController } from './http/exports.controller';
import { BullmqExportQueue } from './jobs/bullmq-export.queue';
import { ExportProcessor } from './jobs/export.processor';
import { exportQueue } from './jobs/export.queue';
import { PersistenceModule } from './persistence/persistence.module';
import { ExportFiles, ExportQueue } from './persistence/ports';
import { S3ExportFiles } from './storage/s3-export-files';
import { ConsulterExportUseCase } from './use-cases/consulter-export/consulter-export.use-case';
import { DemanderExportUseCase } from './use-cases/demander-export/demander-export.use-case';
import { GenererExportUseCase } from './use-cases/generer-export/generer-export.use-case';
import { ProjeterDemarcheUseCase } from './use-cases/projeter-demarche/projeter-demarche.use-case';
import { ProjeterDossierUseCase } from './use-cases/projeter-dossier/projeter-dossier.use-case';

/** export: its own projection of dossiers, and CSV files built in the background and stored in S3. */
@Module({})
export class AppModule {
  static forRoot(config: ExportConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        QueueModule.forFeature(exportQueue),
        StorageModule.forRoot(storageOptionsFromEnv(config)),
        PersistenceModule,
      ],
      controllers: [ExportsController],
      providers: [
        { provide: ExportFiles, useClass: S3ExportFiles },
        { provide: ExportQueue, useClass: BullmqExportQueue },
        DemanderExportUseCase,
        GenererExportUseCase,
        ConsulterExportUseCase,
        ProjeterDossierUseCase,
        ProjeterDemarcheUseCase,
        DossierEventsConsumer,
        ExportProcessor,
      ],
    };
  }
}
