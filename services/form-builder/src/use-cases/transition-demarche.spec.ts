import { decodeMessage, eventCodec, Topics } from '@demarches/contracts';
import type { OutboxEvent } from '@demarches/platform-mongo';
import { nouvelleDemarche } from '../domain/demarche';
import { DemarcheErrorCode } from '../demarche.exception';
import { InMemoryDemarcheRepository } from '../testing/in-memory-demarche.repository';
import { Clock } from './clock';
import { CloturerDemarcheUseCase } from './cloturer-demarche/cloturer-demarche.use-case';
import { demarcheEvents } from './demarche-events';
import { DepublierDemarcheUseCase } from './depublier-demarche/depublier-demarche.use-case';

const now = new Date('2026-11-27T10:00:00Z');
const clock = { now: () => now } as Clock;

function decoded(event: OutboxEvent): unknown {
  const codec = eventCodec(Topics.procedure, event.eventType as 'DemarcheUnpublished');
  if (!codec) throw new Error(`no codec for ${event.eventType}`);
  return decodeMessage(codec, event.payload);
}

async function setup() {
  const repository = new InMemoryDemarcheRepository();
  const base = nouvelleDemarche({
    number: 7,
    title: 'Aide',
    description: '',
    administrateur: 'admin@mairie.fr',
    now,
  });
  const publiee = await repository.create({ ...base, state: 'publiee', slug: 'aide', revisionNumber: 1 });
  return {
    repository,
    publiee,
    cloturer: new CloturerDemarcheUseCase(repository, clock),
    depublier: new DepublierDemarcheUseCase(repository, clock),
  };
}

describe('lifecycle transitions by the administrateur', () => {
  it('clore: saves the démarche close and DemarcheClosed with the version after the save', async () => {
    const { repository, publiee, cloturer } = await setup();
    const close = await cloturer.execute('admin@mairie.fr', publiee.id);
    expect(close).toMatchObject({ state: 'close', closedAt: now, replacedBy: null, version: 2 });
    expect(repository.events.map((e) => [e.eventType, e.key])).toEqual([['DemarcheClosed', publiee.id]]);
    expect(decoded(repository.events[0]!)).toMatchObject({
      demarcheId: publiee.id,
      number: 7,
      closedAt: now,
      version: 2,
    });
  });

  it('dépublier: saves the démarche dépubliée and DemarcheUnpublished', async () => {
    const { repository, publiee, depublier } = await setup();
    const depubliee = await depublier.execute('admin@mairie.fr', publiee.id);
    expect(depubliee).toMatchObject({ state: 'depubliee', unpublishedAt: now, version: 2 });
    expect(repository.events.map((e) => e.eventType)).toEqual(['DemarcheUnpublished']);
    expect(decoded(repository.events[0]!)).toEqual({
      demarcheId: publiee.id,
      number: 7,
      at: now,
      version: 2,
    });
  });

  it('answers not found to anyone but its administrateurs, and refuses a state the transition does not apply to', async () => {
    const { repository, publiee, cloturer, depublier } = await setup();
    await expect(cloturer.execute('autre@mairie.fr', publiee.id)).rejects.toMatchObject({
      code: DemarcheErrorCode.DEMARCHE_NOT_FOUND,
    });
    await depublier.execute('admin@mairie.fr', publiee.id);
    await expect(cloturer.execute('admin@mairie.fr', publiee.id)).rejects.toMatchObject({
      code: DemarcheErrorCode.TRANSITION_INVALID,
    });
    expect(repository.events.map((e) => e.eventType)).toEqual(['DemarcheUnpublished']);
  });
});

describe('demarcheEvents lifecycle builders', () => {
  it('reopened and deleted carry the démarche, the time and the next version under their own type', async () => {
    const { publiee } = await setup();
    for (const [event, type] of [
      [demarcheEvents.reopened(publiee, now), 'DemarcheReopened'],
      [demarcheEvents.deleted(publiee, now), 'DemarcheDeleted'],
    ] as const) {
      expect([event.topic, event.eventType, event.key]).toEqual([Topics.procedure, type, publiee.id]);
      expect(decoded(event)).toEqual({ demarcheId: publiee.id, number: 7, at: now, version: 2 });
    }
  });
});
