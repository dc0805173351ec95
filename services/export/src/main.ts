import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { loadExportConfig } from './config';

void bootstrapService(() => {
  const config = loadExportConfig();
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector };
});
