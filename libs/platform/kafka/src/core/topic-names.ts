import { deadLetterTopic, replyTopic } from '@demarches/contracts';

/** Applies and strips KAFKA_TOPIC_PREFIX, the only place that knows about it. */
export class TopicNames {
  constructor(readonly prefix: string) {}

  physical(logicalTopic: string): string {
    return `${this.prefix}${logicalTopic}`;
  }

  logical(physicalTopic: string): string {
    return physicalTopic.startsWith(this.prefix) ? physicalTopic.slice(this.prefix.length) : physicalTopic;
  }

  deadLetter(logicalTopic: string): string {
    return this.physical(deadLetterTopic(logicalTopic));
  }

  reply(logicalCommandTopic: string): string {
    return this.physical(replyTopic(logicalCommandTopic));
  }

  group(name: string): string {
    return `${this.prefix}${name}`;
  }
}
