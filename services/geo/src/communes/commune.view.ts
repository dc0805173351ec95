import { Commune } from './commune.entity';
import { ReferenceSource } from './reference-data';

/** The answer shape shared by HTTP and the Kafka command: the communes and where the data comes from. */
export interface CommunesAnswer {
  source: string;
  communes: Commune[];
}

export function sourceLabel(source: ReferenceSource): string {
  return `${source.name}@${source.version}`;
}
