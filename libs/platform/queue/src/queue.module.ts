import { provideHealthIndicator } from '@demarches/platform-health';
import { DynamicModule, Inject, Module, Provider } from '@nestjs/common';
import { JobMap, QueueDefinition } from './queue-definition';
import { QUEUE_OPTIONS, QueueOptions } from './queue.options';
import { QueueRegistry } from './queue.registry';
import { RedisHealthIndicator } from './redis-health.indicator';

export function queueToken(definition: QueueDefinition<JobMap>): string {
  return `demarches:queue:${definition.name}`;
}

/** `constructor(@InjectTypedQueue(mailQueue) private readonly mails: TypedQueue<MailJobs>)` */
export const InjectTypedQueue = <Jobs extends JobMap>(
  definition: QueueDefinition<Jobs>,
): PropertyDecorator & ParameterDecorator => Inject(queueToken(definition));

@Module({})
export class QueueModule {
  static forRoot(options: QueueOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [
        { provide: QUEUE_OPTIONS, useValue: options },
        QueueRegistry,
        ...provideHealthIndicator(RedisHealthIndicator),
      ],
      exports: [QueueRegistry],
    };
  }

  /** Makes each queue injectable with @InjectTypedQueue(definition). */
  static forFeature(...definitions: QueueDefinition<JobMap>[]): DynamicModule {
    const tokens = definitions.map(queueToken);
    const providers: Provider[] = definitions.map((definition) => ({
      provide: queueToken(definition),
      useFactory: (registry: QueueRegistry) => registry.queue(definition),
      inject: [QueueRegistry],
    }));
    return { module: QueueModule, providers, exports: tokens };
  }
}
