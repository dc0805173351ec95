import { KafkaModule, kafkaOptionsFromEnv, OutboxModule } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { StorageModule, storageOptionsFromEnv } from '@demarches/platform-storage';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Topics } from '@demarches/contracts';
import { FormBuilderConfig } from './config';
import { CycleDeVieController } from './http/cycle-de-vie.controller';
import { DocsController } from './http/docs.controller';
import { OpenApiDocumentHolder } from './http/openapi';
import { DemarchesController } from './http/demarches.controller';
import { FichiersController } from './http/fichiers.controller';
import { ClotureAutomatiqueScheduler } from './jobs/cloture-automatique.scheduler';
import { S3DemarcheFiles } from './storage/s3-demarche-files';
import { DemarcheFiles } from './storage/demarche-files';
import { ClonerDemarcheUseCase } from './use-cases/cloner-demarche/cloner-demarche.use-case';
import { CloturerAutomatiquementUseCase } from './use-cases/cloturer-automatiquement/cloturer-automatiquement.use-case';
import { CloturerDemarcheUseCase } from './use-cases/cloturer-demarche/cloturer-demarche.use-case';
import { ConsulterCatalogueUseCase } from './use-cases/consulter-catalogue/consulter-catalogue.use-case';
import { DepublierDemarcheUseCase } from './use-cases/depublier-demarche/depublier-demarche.use-case';
import { EnvoyerCopieUseCase } from './use-cases/envoyer-copie/envoyer-copie.use-case';
import { ModifierDescriptionUseCase } from './use-cases/modifier-description/modifier-description.use-case';
import { SupprimerDemarcheUseCase } from './use-cases/supprimer-demarche/supprimer-demarche.use-case';
import { TesterDemarcheUseCase } from './use-cases/tester-demarche/tester-demarche.use-case';
import { TeleverserFichierUseCase } from './use-cases/televerser-fichier/televerser-fichier.use-case';
import { TelechargerFichierUseCase } from './use-cases/telecharger-fichier/telecharger-fichier.use-case';
import { AnnotationsController, ChampsController } from './http/formulaire.controller';
import { MailsController } from './http/mails.controller';
import { AttestationController } from './http/attestation.controller';
import { GroupesController } from './http/groupes.controller';
import { GererGroupesUseCase } from './use-cases/gerer-groupes/gerer-groupes.use-case';
import { PersonnaliserAttestationUseCase } from './use-cases/personnaliser-attestation/personnaliser-attestation.use-case';
import { PrevisualiserAttestationUseCase } from './use-cases/previsualiser-attestation/previsualiser-attestation.use-case';
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
        StorageModule.forRoot(storageOptionsFromEnv(config)),
      ],
      controllers: [
        DemarchesController,
        CycleDeVieController,
        FichiersController,
        DocsController,
        ChampsController,
        AnnotationsController,
        MailsController,
        GroupesController,
        AttestationController,
      ],
      providers: [
        Clock,
        { provide: DemarcheRepository, useClass: MongoDemarcheRepository },
        CreerDemarcheUseCase,
        EditerFormulaireUseCase,
        AjouterInstructeurUseCase,
        PublierDemarcheUseCase,
        PersonnaliserMailsUseCase,
        GererGroupesUseCase,
        PersonnaliserAttestationUseCase,
        PrevisualiserAttestationUseCase,
        ConsulterDemarchesUseCase,
        { provide: DemarcheFiles, useClass: S3DemarcheFiles },
        OpenApiDocumentHolder,
        ModifierDescriptionUseCase,
        CloturerDemarcheUseCase,
        DepublierDemarcheUseCase,
        SupprimerDemarcheUseCase,
        TesterDemarcheUseCase,
        ClonerDemarcheUseCase,
        EnvoyerCopieUseCase,
        ConsulterCatalogueUseCase,
        TeleverserFichierUseCase,
        TelechargerFichierUseCase,
        CloturerAutomatiquementUseCase,
        ClotureAutomatiqueScheduler,
      ],
    };
  }
}
