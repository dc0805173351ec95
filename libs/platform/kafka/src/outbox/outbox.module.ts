import { DynamicModule, Module } from '@nestjs/common';
import type { TopicName } from '@demarches/contracts';
import { OUTBOX_REGISTRY, type OutboxRegistration } from './outbox.registry';

export interface OutboxFeature {
  /** MongoDB collection name of the aggregate (e.g. `dossiers`; `Model.collection.name`). */
  collection: string;
  topic?: TopicName | TopicName[];
}

/** Registers an aggregate collection with the OutboxRelay of KafkaModule. */
@Module({})
export class OutboxModule {
  static forFeature(...features: OutboxFeature[]): DynamicModule {
    const token = Symbol(`outbox:${features.map((f) => f.collection).join(',')}`);
    return {
      module: OutboxModule,
      providers: [
        {
          provide: token,
          useFactory: (registry: OutboxRegistration[]) => {
            for (const feature of features) {
              const topics = feature.topic === undefined ? [] : ([] as string[]).concat(feature.topic);
              const existing = registry.find((r) => r.collection === feature.collection);
              if (existing) existing.topics = [...new Set([...existing.topics, ...topics])];
              else registry.push({ collection: feature.collection, topics });
            }
            return features;
          },
          inject: [OUTBOX_REGISTRY],
        },
      ],
    };
  }
}
