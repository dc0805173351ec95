import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@demarches/platform-config';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { AdresseEnv } from './adresse.config';
import { AdresseController } from './adresse.controller';
import { AdresseProvider } from './adresse.provider';
import { BanAdresseProvider } from './ban/ban-adresse.provider';
import { BanMetrics } from './ban/ban-metrics';
import { RechercherAdressesUseCase } from './use-cases/rechercher-adresses/rechercher-adresses.use-case';
import { ValiderAdresseUseCase } from './use-cases/valider-adresse/valider-adresse.use-case';

/**
 * Adresse champ: BAN autocomplete (GET /geo/adresses) and the validation use case the dossier service will call.
 * Needs APP_CONFIG (with adresseEnv merged in) and MetricsRegistry, both global through PlatformModule. No health
 * indicator on purpose: a BAN outage is the degraded mode, not unreadiness (see geo_ban_circuit_open).
 */
@Module({
  controllers: [AdresseController],
  providers: [
    {
      provide: AdresseProvider,
      useFactory: (config: AdresseEnv, registry: MetricsRegistry): AdresseProvider =>
        new BanAdresseProvider(config, new BanMetrics(registry)),
      inject: [APP_CONFIG, MetricsRegistry],
    },
    RechercherAdressesUseCase,
    ValiderAdresseUseCase,
  ],
  exports: [AdresseProvider, ValiderAdresseUseCase],
})
export class AdresseModule {}
