import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';

void bootstrapService(() => {
  const config = loadDossierConfig();
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector };
});
