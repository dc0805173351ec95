// dossier against the real infrastructure: the published revision arrives over Kafka, the usager works through
// HTTP, instruction's commands arrive over Kafka request-reply, and every change leaves as an event.
import { ChampType, ChangerEtatAction, CommandTopics, DossierState, Topics } from '@demarches/contracts';
import type { InternalIdentity } from '@demarches/platform-auth';
import { CommandClient, KafkaModule, kafkaConnector } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  demarchePublished,
  KafkaProbe,
  localInfrastructure,
  serviceTestEnv,
  testNamespace,
  waitFor,
  internalHttpClient,
  type ServiceCaller,
} from '@demarches/testing';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const usager: InternalIdentity = { sub: 'sub-usager', email: 'usager@exemple.fr', roles: ['usager'] };
const intrus: InternalIdentity = { sub: 'sub-intrus', email: 'intrus@exemple.fr', roles: ['usager'] };
const demarcheId = randomUUID();
const champId = randomUUID();
let app: INestApplication;
let instruction: INestApplication;
let http: ServiceCaller;

function command(dossierId: string, action: ChangerEtatAction, motivation?: string) {
  return instruction.get(CommandClient).send(CommandTopics.changerEtatDossier, {
    dossierId,
    action,
    instructeurEmail: 'instructeur@exemple.fr',
    instructeurSub: 'sub-instructeur',
    motivation,
    expectedVersion: undefined,
  });
}

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  const config = loadDossierConfig(serviceTestEnv(namespace, 'dossier'));
  app = await createServiceApp({
    module: AppModule.forRoot(config),
    config,
    kafka: kafkaConnector,
  });
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());

  // A stand-in for instruction: only a CommandClient, as the real instruction service uses it.
  @Module({
    imports: [
      KafkaModule.forRoot({
        clientId: 'instruction-stand-in',
        brokers: [...localInfrastructure.kafkaBrokers],
        groupId: 'instruction-stand-in',
        topicPrefix: namespace,
      }),
    ],
  })
  class InstructionStandIn {}
  instruction = await NestFactory.create(InstructionStandIn, { logger: ['error'] });
  await instruction.init();

  await probe.publish(
    Topics.procedure,
    'DemarchePublished',
    demarcheId,
    demarchePublished({
      demarcheId,
      number: 12,
      title: 'Aide aux vergers',
      slug: 'aide-aux-vergers',
      champs: [
        {
          id: champId,
          type: ChampType.TEXT,
          label: 'Nom du verger',
          description: '',
          mandatory: true,
          options: [],
          children: [],
          settingsJson: '',
        },
      ],
      groupesInstructeurs: [
        {
          id: 'groupe-1',
          label: 'défaut',
          instructeurEmails: ['instructeur@exemple.fr'],
          routingValues: [],
          closed: false,
          isDefault: true,
        },
      ],
      version: 3,
    }),
  );
}, 120_000);

afterAll(async () => {
  await instruction?.close();
  await app?.close();
  await probe.stop();
});

describe('dossier service', () => {
  let dossierId = '';

  it('opens /commencer/<slug> once the DemarchePublished event is consumed', async () => {
    const page = await waitFor(async () => {
      const response = await http(null, 'GET', '/commencer/aide-aux-vergers');
      return response.status === 200 ? response : undefined;
    }, 'the published revision');
    expect(page.body).toMatchObject({
      title: 'Aide aux vergers',
      champs: [{ id: champId, type: 'text', mandatory: true }],
    });
  });

  it('requires a signed identity to start a dossier', async () => {
    expect((await http(null, 'POST', '/commencer/aide-aux-vergers/dossiers')).status).toBe(401);
  });

  it('creates, fills and deposits a dossier, refusing the dépôt while the mandatory champ is empty', async () => {
    const created = await http(usager, 'POST', '/commencer/aide-aux-vergers/dossiers');
    expect(created.status).toBe(201);
    dossierId = created.body.id;

    const sansIdentite = await http(usager, 'POST', `/dossiers/${dossierId}/deposer`);
    expect(sansIdentite).toMatchObject({ status: 400, body: { error: { code: 'IDENTITE_A_CONFIRMER' } } });
    const identite = await http(usager, 'PUT', `/dossiers/${dossierId}/identite/particulier`, {
      civilite: 'Mme',
      nom: 'Curie',
      prenom: 'Marie',
    });
    expect(identite).toMatchObject({ status: 200, body: { version: 2, demandeur: { kind: 'particulier' } } });

    const incomplete = await http(usager, 'POST', `/dossiers/${dossierId}/deposer`);
    expect(incomplete).toMatchObject({ status: 400, body: { error: { code: 'DOSSIER_INCOMPLETE' } } });

    expect((await http(intrus, 'GET', `/dossiers/${dossierId}`)).status).toBe(404);
    expect(
      (await http(intrus, 'PATCH', `/dossiers/${dossierId}/champs`, { values: { [champId]: 'x' } })).status,
    ).toBe(404);

    const stale = await http(usager, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [champId]: 'x' },
      expectedVersion: 0,
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'DOSSIER_STALE' } } });

    const saved = await http(usager, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [champId]: 'Verger des Pommiers' },
      expectedVersion: 2,
    });
    expect(saved).toMatchObject({ status: 200, body: { version: 3 } });

    const deposited = await http(usager, 'POST', `/dossiers/${dossierId}/deposer`);
    expect(deposited).toMatchObject({ status: 200, body: { state: 'en_construction', version: 4 } });

    const event = await waitFor(
      () => probe.of('DossierDeposited', (p) => p.dossierId === dossierId)[0],
      'DossierDeposited',
    );
    expect(event.key).toBe(dossierId);
    expect(event.payload).toMatchObject({
      usagerEmail: 'usager@exemple.fr',
      usagerSub: usager.sub,
      demarcheTitle: 'Aide aux vergers',
      groupeInstructeurId: 'groupe-1',
      version: 4,
      state: DossierState.EN_CONSTRUCTION,
      demandeur: {
        particulier: { civilite: 'Mme', nom: 'Curie', prenom: 'Marie', fromFranceConnect: false },
      },
      champs: [{ champId, label: 'Nom du verger', value: 'Verger des Pommiers' }],
    });
    expect(probe.of('DossierCreated', (p) => p.dossierId === dossierId)).toHaveLength(1);
  });

  it('answers instruction’s commands over Kafka request-reply, with coded refusals', async () => {
    await expect(command(dossierId, ChangerEtatAction.ACCEPTER)).rejects.toMatchObject({
      code: 'TRANSITION_INTERDITE',
    });

    const enInstruction = await command(dossierId, ChangerEtatAction.PASSER_EN_INSTRUCTION);
    expect(enInstruction).toMatchObject({ dossierId, state: DossierState.EN_INSTRUCTION, version: 5 });

    await expect(command(dossierId, ChangerEtatAction.REFUSER, ' ')).rejects.toMatchObject({
      code: 'MOTIVATION_REQUIRED',
    });
    const refused = await command(dossierId, ChangerEtatAction.REFUSER, 'Parcelle hors zone');
    expect(refused).toMatchObject({ state: DossierState.REFUSE, version: 6 });

    await expect(command(randomUUID(), ChangerEtatAction.ACCEPTER)).rejects.toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
    });

    const changes = await waitFor(() => {
      const found = probe.of('DossierStateChanged', (p) => p.dossierId === dossierId);
      return found.length === 2 ? found : undefined;
    }, 'two DossierStateChanged events');
    expect(changes.map((event) => [event.payload.from, event.payload.to, event.payload.version])).toEqual([
      [DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION, 5],
      [DossierState.EN_INSTRUCTION, DossierState.REFUSE, 6],
    ]);
    expect(changes[1].payload).toMatchObject({
      motivation: 'Parcelle hors zone',
      instructeurEmail: 'instructeur@exemple.fr',
    });
  });

  it('locks the dossier once it left en construction and shows the usager its history', async () => {
    const locked = await http(usager, 'PATCH', `/dossiers/${dossierId}/champs`, {
      values: { [champId]: 'Trop tard' },
    });
    expect(locked).toMatchObject({ status: 409, body: { error: { code: 'DOSSIER_NOT_EDITABLE' } } });
    const view = await http(usager, 'GET', `/dossiers/${dossierId}`);
    expect(view.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'creer',
      'renseigner_identite',
      'deposer',
      'passer_en_instruction',
      'refuser',
    ]);
    const mine = await http(usager, 'GET', '/dossiers');
    expect(mine.body.dossiers.map((dossier: { id: string }) => dossier.id)).toEqual([dossierId]);
  });

  it('refuses new dossiers once DemarcheClosed arrives', async () => {
    await probe.publish(Topics.procedure, 'DemarcheClosed', demarcheId, {
      demarcheId,
      number: 12,
      closedAt: new Date(),
      replacedByDemarcheId: undefined,
      version: 4,
    });
    const closed = await waitFor(async () => {
      const response = await http(usager, 'POST', '/commencer/aide-aux-vergers/dossiers');
      return response.status === 409 ? response : undefined;
    }, 'the démarche to close');
    expect(closed.body).toMatchObject({ error: { code: 'DEMARCHE_CLOSE' } });
  });
});
