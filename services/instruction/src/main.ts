import { kafkaConnector } from '@demarches/platform-kafka';
import { bootstrapService } from '@demarches/platform-runtime';
import { AppModule } from './app.module';
import { loadInstructionConfig } from './config';

void bootstrapService(() => {
  const config = loadInstructionConfig();
  return { module: AppModule.forRoot(config), config, kafka: kafkaConnector };
});
