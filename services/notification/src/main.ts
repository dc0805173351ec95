import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { loadNotificationConfig } from './config';

void bootstrapService(() => {
  const config = loadNotificationConfig();
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector };
});
