// Kafka request-reply between two applications, on real Kafka and FerretDB.
import { Injectable, type INestApplication } from '@nestjs/common';
import {
  ChangerEtatAction,
  CommandTopics,
  DossierState,
  type ChangerEtatDossierRequest,
} from '@demarches/contracts';
import { DomainError } from '@demarches/platform-errors';
// The root depConstraints do not yet exempt test files of platform libs from the testing-lib ban (reported).
import { localInfrastructure, testNamespace } from '@demarches/testing';
import { CommandClient } from './command/command.client';
import { OnCommand, type CommandResult } from './consumer/handler.decorators';
import { createKafkaTestApp } from './testing/int-harness';

const prefix = testNamespace(__filename);
const brokers = [...localInfrastructure.kafkaBrokers];

@Injectable()
class ChangerEtatResponder {
  @OnCommand(CommandTopics.changerEtatDossier)
  async changerEtat(
    request: ChangerEtatDossierRequest,
  ): Promise<CommandResult<typeof CommandTopics.changerEtatDossier>> {
    if (request.dossierId === 'missing')
      throw new DomainError('DOSSIER_NOT_FOUND', 'not_found', 'dossier introuvable');
    if (request.expectedVersion !== 4) {
      throw new DomainError('STALE_VERSION', 'conflict', 'dossier modifié', { currentVersion: 4 });
    }
    return { ok: { dossierId: request.dossierId, state: DossierState.ACCEPTE, version: 5 } };
  }
}

describe('platform-kafka request-reply', () => {
  let responder: INestApplication;
  let requester: INestApplication;
  let client: CommandClient;

  beforeAll(async () => {
    responder = await createKafkaTestApp({
      mongoUrl: localInfrastructure.mongoUrl,
      brokers,
      prefix,
      groupId: 'dossier',
      providers: [ChangerEtatResponder],
    });
    requester = await createKafkaTestApp({
      mongoUrl: localInfrastructure.mongoUrl,
      brokers,
      prefix,
      groupId: 'instruction',
      consume: false,
    });
    client = requester.get(CommandClient);
  });

  afterAll(async () => {
    await requester?.close();
    await responder?.close();
  });

  const request = (dossierId: string, expectedVersion = 4) => ({
    dossierId,
    action: ChangerEtatAction.ACCEPTER,
    instructeurEmail: 'instructeur@example.org',
    instructeurSub: 'sub-1',
    motivation: undefined,
    expectedVersion,
  });

  it('returns the success reply', async () => {
    const ok = await client.send(CommandTopics.changerEtatDossier, request('x1'), {
      timeoutMs: 20_000,
      key: 'x1',
    });
    expect(ok).toEqual({ dossierId: 'x1', state: DossierState.ACCEPTE, version: 5 });
  });

  it('rethrows a coded error reply as the DomainError the owner threw', async () => {
    const notFound = await client
      .send(CommandTopics.changerEtatDossier, request('missing'), { timeoutMs: 20_000 })
      .catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(DomainError);
    expect(notFound).toMatchObject({ code: 'DOSSIER_NOT_FOUND', kind: 'not_found' });

    const stale = await client
      .send(CommandTopics.changerEtatDossier, request('x2', 3), { timeoutMs: 20_000 })
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', kind: 'conflict', details: { currentVersion: 4 } });
  });

  it('answers concurrent requests to the right callers', async () => {
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const replies = await Promise.all(
      ids.map((id) =>
        client.send(CommandTopics.changerEtatDossier, request(id), { timeoutMs: 20_000, key: id }),
      ),
    );
    expect(replies.map((r) => r.dossierId)).toEqual(ids);
  });

  it('times out with COMMAND_TIMEOUT when nobody answers', async () => {
    const error = await client
      .send(CommandTopics.communeLookup, { codeInsee: '75056', limit: 1 }, { timeoutMs: 1500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'COMMAND_TIMEOUT', kind: 'unavailable' });
  });
});
