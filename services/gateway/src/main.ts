import { loadConfig } from '@demarches/platform-config';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './config';

void bootstrapService(() => {
  const config = loadConfig(gatewayConfigSchema);
  return { module: AppModule.forRoot(config), config };
});
