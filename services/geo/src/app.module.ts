import { DynamicModule, Module } from '@nestjs/common';
import { provideHealthIndicator } from '@demarches/platform-health';
import { KafkaModule, kafkaOptionsFromEnv } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { AdresseModule } from './adresse/adresse.module';
import { CadastreModule } from './cadastre/cadastre.module';
import { CarteModule } from './carte/carte.module';
import { CommuneIndexHealthIndicator } from './communes/commune-index.health';
import { ReferentielModule } from './referentiel/referentiel.module';
import { communeProviders } from './communes/communes.provider';
import { GeoConfig } from './config';
import { CommuneLookupConsumer } from './consumers/commune-lookup.consumer';
import { ReferentielLookupConsumer } from './consumers/referentiel-lookup.consumer';
import { ValiderAdresseConsumer } from './consumers/valider-adresse.consumer';
import { ValiderCarteConsumer } from './consumers/valider-carte.consumer';
import { CommunesController } from './http/communes.controller';
import { ObtenirCommuneUseCase } from './use-cases/obtenir-commune/obtenir-commune.use-case';
import { RechercherCommunesUseCase } from './use-cases/rechercher-communes/rechercher-communes.use-case';

@Module({})
export class AppModule {
  static forRoot(config: GeoConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        AdresseModule,
        CadastreModule,
        CarteModule,
        ReferentielModule,
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
      ],
      controllers: [CommunesController],
      providers: [
        ...communeProviders,
        RechercherCommunesUseCase,
        ObtenirCommuneUseCase,
        CommuneLookupConsumer,
        ValiderCarteConsumer,
        ReferentielLookupConsumer,
        ValiderAdresseConsumer,
        ...provideHealthIndicator(CommuneIndexHealthIndicator),
      ],
    };
  }
}
