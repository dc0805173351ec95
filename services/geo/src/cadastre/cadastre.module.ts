import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@demarches/platform-config';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { ApiCartoCadastreProvider } from './apicarto/apicarto-cadastre.provider';
import { CadastreMetrics } from './apicarto/cadastre-metrics';
import { CadastreEnv } from './cadastre.config';
import { CadastreController } from './cadastre.controller';
import { CadastreProvider } from './cadastre.provider';
import { RechercherParcellesUseCase } from './use-cases/rechercher-parcelles/rechercher-parcelles.use-case';

/**
 * Cadastre parcels touched by a drawn area (POST /geo/cadastre/parcelles). Needs APP_CONFIG (with cadastreEnv
 * merged in) and MetricsRegistry from PlatformModule. Exports the use case for the carte module.
 */
@Module({
  controllers: [CadastreController],
  providers: [
    {
      provide: CadastreProvider,
      useFactory: (config: CadastreEnv, registry: MetricsRegistry): CadastreProvider =>
        new ApiCartoCadastreProvider(config, new CadastreMetrics(registry)),
      inject: [APP_CONFIG, MetricsRegistry],
    },
    RechercherParcellesUseCase,
  ],
  exports: [CadastreProvider, RechercherParcellesUseCase],
})
export class CadastreModule {}
