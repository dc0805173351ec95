import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { loadFormBuilderConfig } from './config';
import { setupOpenApi } from './http/openapi';

void bootstrapService(() => {
  const config = loadFormBuilderConfig();
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector, beforeListen: setupOpenApi };
});
