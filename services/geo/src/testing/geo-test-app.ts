import { DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { signInternalIdentity } from '@demarches/platform-auth';
import { loadConfig } from '@demarches/platform-config';
import { createServiceApp, PlatformModule } from '@demarches/platform-runtime';
import { AdresseModule } from '../adresse/adresse.module';
import { CadastreModule } from '../cadastre/cadastre.module';
import { GeoConfig, geoConfigSchema } from '../config';

/**
 * Geo's HTTP surface for adresse and cadastre, on the real platform (auth guard, error filter, metrics) but without
 * Kafka and MongoDB, so these integration tests need no shared infrastructure.
 */
@Module({})
class AdresseCadastreTestModule {
  static forRoot(config: GeoConfig): DynamicModule {
    return {
      module: AdresseCadastreTestModule,
      imports: [PlatformModule.forRoot({ config }), AdresseModule, CadastreModule],
    };
  }
}

export const TEST_SECRET = 'geo-int-spec-internal-token-secret-0123456789';

export interface GeoTestApp {
  app: NestExpressApplication;
  url: string;
  config: GeoConfig;
}

/** `env`: the geo variables under test (BAN_URL, CADASTRE_URL, short timeouts…), as strings like real env vars. */
export async function startGeoTestApp(env: Record<string, string>): Promise<GeoTestApp> {
  const config = loadConfig(geoConfigSchema, {
    INTERNAL_TOKEN_SECRET: TEST_SECRET,
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createServiceApp({ module: AdresseCadastreTestModule.forRoot(config), config });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), config };
}

/** The header the gateway would add for a signed-in usager. */
export function usagerIdentityHeader(): Record<string, string> {
  return {
    'x-demarches-identity': signInternalIdentity(
      { sub: 'usager-1', email: 'camille.martin@example.fr', roles: ['usager'] },
      TEST_SECRET,
    ),
  };
}
