import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { loadMessagingConfig } from './config';

void bootstrapService(() => {
  const config = loadMessagingConfig();
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector };
});
