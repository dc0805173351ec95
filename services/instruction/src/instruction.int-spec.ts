// instruction against the real infrastructure: its dashboard is projected from real Kafka events, and an
// instructeur's decision travels to a dossier peer over Kafka request-reply.
import { ChangerEtatAction, CommandTopics, DossierState, type RequestOf, Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { DomainError } from '@demarches/platform-errors';
import { connectKafka, KafkaModule, OnCommand } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  dossierDeposited,
  dossierStateChanged,
  KafkaProbe,
  localInfrastructure,
  serviceTestEnv,
  testNamespace,
  waitFor,
  internalHttpClient,
  type ServiceCaller,
} from '@demarches/testing';
import { INestApplication, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadInstructionConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const instructeur: InternalIdentity = {
  sub: 'sub-i',
  email: 'instructeur@exemple.fr',
  roles: ['instructeur'],
};
const autre: InternalIdentity = { sub: 'sub-j', email: 'autre@exemple.fr', roles: ['instructeur'] };
const demarcheId = randomUUID();
const dossierId = randomUUID();
let app: INestApplication;
let dossierPeer: INestApplication;
let http: ServiceCaller;

/** A real Kafka peer answering the dossier command topic, standing for the dossier service. */
@Injectable()
class DossierPeer {
  readonly received: RequestOf<typeof CommandTopics.changerEtatDossier>[] = [];

  @OnCommand(CommandTopics.changerEtatDossier)
  async handle(request: RequestOf<typeof CommandTopics.changerEtatDossier>) {
    this.received.push(request);
    if (request.action === ChangerEtatAction.ACCEPTER) {
      throw new DomainError(
        'TRANSITION_INTERDITE',
        'conflict',
        'Action « accepter » impossible : le dossier est en construction.',
      );
    }
    return { ok: { dossierId: request.dossierId, state: DossierState.EN_INSTRUCTION, version: 4 } };
  }
}

const aSuivre = async (identity: InternalIdentity) =>
  (await http(identity, 'GET', '/instructeur/dossiers?onglet=a-suivre')).body.dossiers as {
    dossierId: string;
    state: string;
  }[];

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  const config = loadInstructionConfig(serviceTestEnv(namespace, 'instruction'));
  app = await createServiceApp({
    module: AppModule.forRoot(config),
    config,
    kafka: { connect: connectKafka },
  });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());

  @Module({
    imports: [
      MongoModule.forRoot({ url: localInfrastructure.mongoUrl, database: `${namespace}peer` }),
      KafkaModule.forRoot({
        clientId: 'dossier-peer',
        brokers: [...localInfrastructure.kafkaBrokers],
        groupId: 'dossier-peer',
        topicPrefix: namespace,
      }),
    ],
    providers: [DossierPeer],
  })
  class DossierPeerModule {}
  dossierPeer = await NestFactory.create(DossierPeerModule, { logger: ['error'] });
  await dossierPeer.init();
  await connectKafka(dossierPeer);

  await probe.publish(
    Topics.procedure,
    'DemarchePublished',
    demarcheId,
    demarchePublished({
      demarcheId,
      number: 3,
      title: 'Aide aux ruchers',
      groupesInstructeurs: [
        {
          id: 'g-ruchers',
          label: 'défaut',
          instructeurEmails: ['Instructeur@exemple.fr'],
          routingValues: [],
          closed: false,
          isDefault: true,
        },
      ],
      version: 2,
    }),
  );
}, 120_000);

afterAll(async () => {
  await dossierPeer?.close();
  await app?.close();
  await probe.stop();
});

const deposited = (version: number) =>
  dossierDeposited({
    dossierId,
    number: 41,
    demarcheId,
    demarcheNumber: 3,
    demarcheTitle: 'Aide aux ruchers',
    groupeInstructeurId: 'g-ruchers',
    version,
  });

describe('instruction service', () => {
  it('lists a deposited dossier « à suivre » for the groupe’s instructeur only, once, whatever the redeliveries', async () => {
    await probe.publish(Topics.dossier, 'DossierDeposited', dossierId, deposited(3));
    await probe.publish(Topics.dossier, 'DossierDeposited', dossierId, deposited(3));
    const rows = await waitFor(async () => {
      const found = await aSuivre(instructeur);
      return found.length > 0 ? found : undefined;
    }, 'the dossier in « à suivre »');
    expect(rows).toEqual([expect.objectContaining({ dossierId, state: 'en_construction', number: 41 })]);
    expect(await aSuivre(autre)).toEqual([]);
  });

  it('hides the dossier from an instructeur outside the groupe, without asking dossier', async () => {
    const response = await http(autre, 'POST', `/instructeur/dossiers/${dossierId}/passer-en-instruction`);
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'DOSSIER_NOT_FOUND' } } });
  });

  it('asks dossier to pass the dossier en instruction and moves it to « suivis »', async () => {
    const response = await http(
      instructeur,
      'POST',
      `/instructeur/dossiers/${dossierId}/passer-en-instruction`,
    );
    expect(response).toMatchObject({ status: 200, body: { dossierId, state: 'en_instruction', version: 4 } });
    expect(await aSuivre(instructeur)).toEqual([]);
    const suivis = await http(instructeur, 'GET', '/instructeur/dossiers?onglet=suivis');
    expect(suivis.body.dossiers).toEqual([expect.objectContaining({ dossierId, state: 'en_instruction' })]);
  });

  it('passes dossier’s coded refusal on to the instructeur', async () => {
    const response = await http(instructeur, 'POST', `/instructeur/dossiers/${dossierId}/accepter`, {
      motivation: 'ok',
    });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'TRANSITION_INTERDITE' } } });
  });

  it('ignores a stale state event and applies a newer one', async () => {
    await probe.publish(
      Topics.dossier,
      'DossierStateChanged',
      dossierId,
      dossierStateChanged({
        dossierId,
        number: 41,
        demarcheId,
        groupeInstructeurId: 'g-ruchers',
        from: DossierState.EN_INSTRUCTION,
        to: DossierState.ACCEPTE,
        version: 5,
      }),
    );
    await probe.publish(Topics.dossier, 'DossierDeposited', dossierId, deposited(3));
    const traites = await waitFor(async () => {
      const response = await http(instructeur, 'GET', '/instructeur/dossiers?onglet=traites');
      return response.body.dossiers.length > 0 ? response.body.dossiers : undefined;
    }, 'the dossier in « traités »');
    expect(traites).toEqual([expect.objectContaining({ dossierId, state: 'accepte', version: 5 })]);
  });

  it('shows a dossier deposited on a déclaratif démarche in the state it reached, not en construction', async () => {
    const declaratif = randomUUID();
    // What dossier writes for a déclaratif dépôt: both events at the version of the single write.
    await probe.publish(
      Topics.dossier,
      'DossierDeposited',
      declaratif,
      dossierDeposited({
        dossierId: declaratif,
        number: 42,
        demarcheId,
        groupeInstructeurId: 'g-ruchers',
        state: DossierState.ACCEPTE,
        version: 3,
      }),
    );
    await probe.publish(
      Topics.dossier,
      'DossierStateChanged',
      declaratif,
      dossierStateChanged({
        dossierId: declaratif,
        number: 42,
        demarcheId,
        groupeInstructeurId: 'g-ruchers',
        from: DossierState.EN_CONSTRUCTION,
        to: DossierState.ACCEPTE,
        instructeurEmail: undefined,
        version: 3,
      }),
    );
    const row = await waitFor(async () => {
      const response = await http(instructeur, 'GET', '/instructeur/dossiers?onglet=traites');
      return (response.body.dossiers as { dossierId: string }[]).find((d) => d.dossierId === declaratif);
    }, 'the déclaratif dossier in « traités »');
    expect(row).toMatchObject({ state: 'accepte', version: 3 });
    expect((await aSuivre(instructeur)).map((d) => d.dossierId)).not.toContain(declaratif);
  });

  it('moves a dossier re-routed en construction to the new groupe’s instructeurs', async () => {
    const routee = randomUUID();
    const reroutee = randomUUID();
    await probe.publish(
      Topics.procedure,
      'DemarchePublished',
      routee,
      demarchePublished({
        demarcheId: routee,
        number: 4,
        title: 'Aide aux vergers',
        groupesInstructeurs: [
          {
            id: 'g-nord',
            label: 'Nord',
            instructeurEmails: ['instructeur@exemple.fr'],
            routingValues: ['Nord'],
            closed: false,
            isDefault: true,
          },
          {
            id: 'g-sud',
            label: 'Sud',
            instructeurEmails: ['autre@exemple.fr'],
            routingValues: ['Sud'],
            closed: false,
            isDefault: false,
          },
        ],
        version: 2,
      }),
    );
    await probe.publish(
      Topics.dossier,
      'DossierDeposited',
      reroutee,
      dossierDeposited({
        dossierId: reroutee,
        number: 43,
        demarcheId: routee,
        groupeInstructeurId: 'g-nord',
        version: 3,
      }),
    );
    await waitFor(
      async () => (await aSuivre(instructeur)).some((d) => d.dossierId === reroutee),
      'the dossier with the Nord groupe',
    );
    await probe.publish(Topics.dossier, 'DossierUpdated', reroutee, {
      dossierId: reroutee,
      demarcheId: routee,
      state: DossierState.EN_CONSTRUCTION,
      changedChampIds: ['region'],
      champs: [],
      updatedAt: new Date(),
      version: 4,
      groupeInstructeurId: 'g-sud',
      authorEmail: 'usager@exemple.fr',
    });
    await waitFor(
      async () => (await aSuivre(autre)).some((d) => d.dossierId === reroutee),
      'the dossier with the Sud groupe',
    );
    expect((await aSuivre(instructeur)).map((d) => d.dossierId)).not.toContain(reroutee);
    const refused = await http(
      instructeur,
      'POST',
      `/instructeur/dossiers/${reroutee}/passer-en-instruction`,
    );
    expect(refused.status).toBe(404);
  });

  it('refuses an unknown tab with a clear error', async () => {
    const response = await http(instructeur, 'GET', '/instructeur/dossiers?onglet=corbeille');
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });
});
