import { Topics } from '@demarches/contracts';
import { KafkaProbe } from './kafka-probe';

describe(KafkaProbe.name, () => {
  it('keeps one recorded event per event id for a catalogue type, as consumers would', () => {
    const probe = new KafkaProbe('t_');
    const sent = (eventId: string, messageId: string) => ({
      topic: Topics.messaging,
      key: 'd-1',
      eventType: 'MessageSent',
      eventId,
      payload: { messageId },
    });
    probe.events.push(sent('e1', 'm1'), sent('e1', 'm1'), sent('e2', 'm2'), {
      ...sent('e3', 'm3'),
      topic: Topics.notification,
    });

    const distinct = probe.distinct(Topics.messaging, 'MessageSent');

    expect(distinct.map((e) => [e.eventId, e.payload.messageId])).toEqual([
      ['e1', 'm1'],
      ['e2', 'm2'],
    ]);
  });
});
