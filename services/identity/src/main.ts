import { loadConfig } from '@demarches/platform-config';
import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { identityConfigSchema } from './config';

void bootstrapService(() => {
  const config = loadConfig(identityConfigSchema);
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector };
});
