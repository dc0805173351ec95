import { Topics } from '@demarches/contracts';
import { KafkaModule, kafkaOptionsFromEnv, OutboxModule } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { QueueModule } from '@demarches/platform-queue';
import { StorageModule, storageOptionsFromEnv } from '@demarches/platform-storage';
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
import { ChampVerifier } from './use-cases/enregistrer-champs/champ-verifier';
import { GeoChecks } from './geo/geo-checks';
import { KafkaGeoChecks } from './geo/kafka-geo-checks';
import { ProjeterDemarcheUseCase } from './use-cases/projeter-demarche/projeter-demarche.use-case';
import { InviterPersonneUseCase } from './use-cases/inviter-personne/inviter-personne.use-case';
import { RenseignerIdentiteUseCase } from './use-cases/renseigner-identite/renseigner-identite.use-case';
import { RevoquerInvitationUseCase } from './use-cases/revoquer-invitation/revoquer-invitation.use-case';
import { SupprimerDossierUseCase } from './use-cases/supprimer-dossier/supprimer-dossier.use-case';
import { SupprimerDossiersTestUseCase } from './use-cases/supprimer-dossiers-test/supprimer-dossiers-test.use-case';
import { ReaffecterDossiersUseCase } from './use-cases/reaffecter-dossiers/reaffecter-dossiers.use-case';
import { ApiEntrepriseClient } from './entreprise/api-entreprise.client';
import { EntrepriseLookup } from './entreprise/entreprise-lookup';
import { echeancesImports, echeancesProviders } from './echeances/echeances.providers';
import {
  pieceJustificativeCheckProvider,
  piecesJointesControllers,
  piecesJointesImports,
  piecesJointesProviders,
} from './pieces-jointes/pieces-jointes.providers';

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
        // Pièces justificatives in S3, deadline and retention sweeps in BullMQ (ADR 0014).
        StorageModule.forRoot(storageOptionsFromEnv(config)),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        ...piecesJointesImports,
        ...echeancesImports,
      ],
      controllers: [CommencerController, DossiersController, ...piecesJointesControllers],
      providers: [
        Clock,
        // Champ values (ADR 0013): geo checks over Kafka; pièce justificative ids checked by the attachments (ADR 0014).
        { provide: GeoChecks, useClass: KafkaGeoChecks },
        pieceJustificativeCheckProvider,
        ChampVerifier,
        { provide: DossierRepository, useClass: MongoDossierRepository },
        { provide: RevisionRepository, useClass: MongoRevisionRepository },
        CommencerDossierUseCase,
        EnregistrerChampsUseCase,
        DeposerDossierUseCase,
        ChangerEtatUseCase,
        ConsulterDossiersUseCase,
        ProjeterDemarcheUseCase,
        RenseignerIdentiteUseCase,
        InviterPersonneUseCase,
        RevoquerInvitationUseCase,
        SupprimerDossierUseCase,
        SupprimerDossiersTestUseCase,
        ReaffecterDossiersUseCase,
        { provide: EntrepriseLookup, useClass: ApiEntrepriseClient },
        ProcedureEventsConsumer,
        ChangerEtatCommandHandler,
        ...piecesJointesProviders,
        ...echeancesProviders,
      ],
    };
  }
}
