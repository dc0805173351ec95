import { loadConfig } from '@demarches/platform-config';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './config';

void bootstrapService(() => {
  const config = loadConfig(gatewayConfigSchema);
  // No body parsers: the proxy streams every body to the service untouched, whatever its type or size.
  return { module: AppModule.forRoot(config), config, bodyParser: false };
});
