// Deadlines and retention against the real infrastructure (FerretDB, Kafka, Redis, S3): the sweep the BullMQ job
// scheduler runs is called with the service's clock moved forward, and its effects are observed in the database,
// on Kafka and in S3.
import { ChampType, DeletionReason, DossierState, Topics } from '@demarches/contracts';
import { type InternalIdentity, signInternalIdentity } from '@demarches/platform-auth';
import { pdfInfoTitle } from '@demarches/pdf';
import { kafkaConnector } from '@demarches/platform-kafka';
import { QueueRegistry } from '@demarches/platform-queue';
import { createServiceApp } from '@demarches/platform-runtime';
import { ObjectStorage } from '@demarches/platform-storage';
import {
  demarchePublished,
  internalHttpClient,
  KafkaProbe,
  type ServiceCaller,
  serviceTestEnv,
  TEST_INTERNAL_TOKEN_SECRET,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadDossierConfig } from './config';
import { creerDossier, Dossier } from './domain/dossier';
import { ajouterMois } from './echeances/domain/conservation';
import { EcheancesProcessor } from './echeances/jobs/echeances.processor';
import { ECHEANCES_SCHEDULER_ID, echeancesQueue } from './echeances/jobs/echeances.queue';
import { EcheancesRepository } from './echeances/persistence/echeances.repository';
import { DossierRepository } from './persistence/dossier.repository';
import { RevisionRepository } from './persistence/revision.repository';
import { nouvellePieceJointe } from './pieces-jointes/domain/piece-jointe';
import { PieceJointeRepository } from './pieces-jointes/persistence/piece-jointe.repository';
import { Clock } from './use-cases/clock';
import { loadRevision } from './use-cases/load';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const usager: InternalIdentity = { sub: 'sub-echeances', email: 'echeances@exemple.fr', roles: ['usager'] };
const T0 = new Date('2026-03-02T10:00:00Z');
// « 14 septembre 2026 »: the dépôt closes in the night of the 13th to the 14th at midnight, Paris time.
const DATE_LIMITE = new Date('2026-09-14T00:00:00Z');
const CLOTURE = new Date('2026-09-13T22:00:00Z');
const appelAProjets = randomUUID();
const conservee = randomUUID();
let app: INestApplication;
let http: ServiceCaller;
let now = T0;
let number = 7000;

async function sweep(at: Date): Promise<void> {
  now = at;
  await app.get(EcheancesProcessor).balayer();
}

async function dossier(demarcheId: string, overrides: Partial<Dossier>): Promise<Dossier> {
  const revision = await loadRevision(app.get(RevisionRepository), demarcheId);
  const created = { ...creerDossier(revision, usager, (number += 1), T0), ...overrides };
  return app.get(DossierRepository).create(created, []);
}

function publish(demarcheId: string, overrides: Parameters<typeof demarchePublished>[0]) {
  return probe.publish(
    Topics.procedure,
    'DemarchePublished',
    demarcheId,
    demarchePublished({
      demarcheId,
      champs: [
        {
          id: randomUUID(),
          type: ChampType.TEXT,
          label: 'Projet',
          description: '',
          mandatory: false,
          options: [],
          children: [],
          settingsJson: '',
        },
      ],
      ...overrides,
    }),
  );
}

beforeAll(async () => {
  await probe.start([Topics.procedure, Topics.dossier]);
  const config = loadDossierConfig(serviceTestEnv(namespace, 'dossier'));
  app = await createServiceApp({ module: AppModule.forRoot(config), config, kafka: kafkaConnector });
  // The clock the use cases read: moved by each test instead of waiting months.
  app.get(Clock).now = () => now;
  await app.listen(0, '127.0.0.1');
  http = internalHttpClient(await app.getUrl());
  await publish(appelAProjets, {
    slug: `appel-${appelAProjets.slice(0, 8)}`,
    title: 'Appel à projets 2026',
    dateLimite: DATE_LIMITE,
    dureeConservationMois: 0,
  });
  await publish(conservee, {
    slug: `conservee-${conservee.slice(0, 8)}`,
    title: 'Carte de stationnement',
    dureeConservationMois: 2,
    service: {
      nom: 'Service mobilité',
      organisme: 'Mairie de Rennes',
      email: 'mobilite@rennes.fr',
      telephone: '',
      horaires: '',
      adresse: '',
      siret: '',
    },
  });
  for (const id of [appelAProjets, conservee])
    await waitFor(() => app.get(RevisionRepository).findByDemarcheId(id), `the projection of ${id}`);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
});

describe('échéances: date limite de dépôt', () => {
  it('stores the date limite as midnight Paris at the start of the chosen date', async () => {
    const revision = await loadRevision(app.get(RevisionRepository), appelAProjets);
    expect(new Date(revision.dateLimite as Date).toISOString()).toBe(CLOTURE.toISOString());
  });

  it('passes the dossiers still en construction en instruction at the date limite, as the system', async () => {
    const enConstruction = await dossier(appelAProjets, {
      state: 'en_construction',
      depositedAt: T0,
      demandeur: {
        kind: 'particulier',
        civilite: 'Mme',
        nom: 'Martin',
        prenom: 'Léa',
        fromFranceConnect: false,
      },
    });
    await sweep(new Date(CLOTURE.getTime() - 1000));
    expect((await app.get(DossierRepository).load(enConstruction.id))?.state).toBe('en_construction');

    await sweep(CLOTURE);
    const moved = await app.get(DossierRepository).load(enConstruction.id);
    expect(moved).toMatchObject({ state: 'en_instruction', instructionStartedAt: CLOTURE });
    expect(moved?.history.at(-1)).toMatchObject({
      by: 'systeme',
      action: 'passer_automatiquement_en_instruction',
    });
    const event = await waitFor(
      () => probe.of('DossierStateChanged', (e) => e.dossierId === enConstruction.id)[0]?.payload,
      'DossierStateChanged',
    );
    expect(event).toMatchObject({ from: DossierState.EN_CONSTRUCTION, to: DossierState.EN_INSTRUCTION });
    expect(event.instructeurEmail).toBeUndefined();

    await sweep(new Date(CLOTURE.getTime() + 60_000));
    expect(probe.of('DossierStateChanged', (e) => e.dossierId === enConstruction.id)).toHaveLength(1);
  });

  it('refuses the dépôt of a brouillon once the date limite is reached', async () => {
    const brouillon = await dossier(appelAProjets, {});
    now = CLOTURE;
    const refused = await http(usager, 'POST', `/dossiers/${brouillon.id}/deposer`);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'DATE_LIMITE_DEPASSEE' } } });
  });
});

describe('échéances: conservation (RGPD)', () => {
  it('warns the usager of a brouillon one month before its deletion, once, then deletes it with its files', async () => {
    const brouillon = await dossier(conservee, { updatedAt: T0 });
    const piece = nouvellePieceJointe(
      brouillon.id,
      { champId: 'c', fileName: 'rib.pdf', contentType: 'application/pdf', size: 9, sha256: 'a'.repeat(64) },
      usager.email,
      T0,
    );
    await app.get(PieceJointeRepository).insert({ ...piece, statut: 'jointe' });
    await app
      .get(ObjectStorage)
      .putObject(piece.key, Buffer.from('%PDF-1.7\n'), { contentType: 'application/pdf' });

    await sweep(ajouterMois(T0, 1)); // 2 months of conservation: warned from one month before the end
    const warning = await waitFor(
      () => probe.of('DossierExpirationNotified', (e) => e.dossierId === brouillon.id)[0]?.payload,
      'DossierExpirationNotified',
    );
    expect(warning).toMatchObject({
      usagerEmail: usager.email,
      demarcheTitle: 'Carte de stationnement',
      expiresAt: ajouterMois(T0, 2),
    });
    await sweep(new Date(ajouterMois(T0, 1).getTime() + 3600_000));
    expect(probe.of('DossierExpirationNotified', (e) => e.dossierId === brouillon.id)).toHaveLength(1);
    expect((await app.get(DossierRepository).load(brouillon.id))?.deletedAt).toBeNull();

    await sweep(ajouterMois(T0, 2));
    const deleted = await waitFor(
      () => probe.of('DossierDeleted', (e) => e.dossierId === brouillon.id)[0]?.payload,
      'DossierDeleted',
    );
    expect(deleted).toMatchObject({ reason: DeletionReason.EXPIRED, state: DossierState.BROUILLON });
    expect((await http(usager, 'GET', `/dossiers/${brouillon.id}`)).status).toBe(404);
    await expect(app.get(ObjectStorage).head(piece.key)).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
    expect(await app.get(PieceJointeRepository).find(piece.id)).toBeNull();
    // A brouillon was never deposited: no trace to keep.
    expect(await app.get(EcheancesRepository).trace(brouillon.id)).toBeNull();

    // Once its event has left through the outbox, nothing of the dossier stays.
    await waitFor(async () => {
      await sweep(ajouterMois(T0, 2));
      const doc = await app
        .get<Connection>(getConnectionToken())
        .collection('dossiers')
        .findOne({ _id: brouillon.id as never });
      return doc === null;
    }, 'the purge of the tombstone');
  });

  it('gives a usager who edits a warned brouillon a fresh period and a fresh warning', async () => {
    const brouillon = await dossier(conservee, { updatedAt: T0 });
    await sweep(ajouterMois(T0, 1));
    await waitFor(
      () => probe.of('DossierExpirationNotified', (e) => e.dossierId === brouillon.id)[0],
      'the first warning',
    );
    const repo = app.get(DossierRepository);
    const edited = ajouterMois(T0, 1);
    edited.setUTCDate(edited.getUTCDate() + 3);
    const current = (await repo.load(brouillon.id)) as Dossier;
    await repo.save({ ...current, updatedAt: edited }, []);

    await sweep(ajouterMois(T0, 2));
    expect((await repo.load(brouillon.id))?.deletedAt).toBeNull();
    await sweep(ajouterMois(edited, 1));
    await waitFor(
      () => probe.of('DossierExpirationNotified', (e) => e.dossierId === brouillon.id).length === 2,
      'the second warning',
    );
  });

  it('deletes a decided dossier at the end of its conservation, keeping only the trace the CGU require', async () => {
    const decide = await dossier(conservee, {
      state: 'accepte',
      depositedAt: T0,
      instructionStartedAt: T0,
      decidedAt: new Date('2026-03-10T09:00:00Z'),
    });
    const enInstruction = await dossier(conservee, { state: 'en_instruction', depositedAt: T0 });

    await sweep(new Date('2026-05-10T08:59:59Z'));
    expect((await app.get(DossierRepository).load(decide.id))?.deletedAt).toBeNull();
    await sweep(new Date('2026-05-10T09:00:00Z'));

    const deleted = await waitFor(
      () => probe.of('DossierDeleted', (e) => e.dossierId === decide.id)[0]?.payload,
      'deletion',
    );
    expect(deleted).toMatchObject({ reason: DeletionReason.EXPIRED, state: DossierState.ACCEPTE });
    expect(await app.get(EcheancesRepository).trace(decide.id)).toMatchObject({
      number: decide.number,
      demarcheId: conservee,
      demarcheTitle: 'Carte de stationnement',
      administration: 'Mairie de Rennes',
      depositedAt: T0,
      decidedAt: new Date('2026-03-10T09:00:00Z'),
    });
    // En instruction never expires.
    await sweep(ajouterMois(T0, 36));
    expect((await app.get(DossierRepository).load(enInstruction.id))?.deletedAt).toBeNull();
  });
});

describe('échéances: due dates stored on the dossier', () => {
  const raw = () => app.get<Connection>(getConnectionToken()).collection<Record<string, unknown>>('dossiers');
  const stored = (id: string) => raw().findOne({ _id: id as never });

  it('stores with every save the instants the sweep acts at, for the démarche’s durée', async () => {
    const brouillon = await dossier(conservee, { updatedAt: T0 });
    expect(await stored(brouillon.id)).toMatchObject({
      expirationNoticeAt: ajouterMois(T0, 1),
      expiresAt: null,
      conservationMois: 2,
    });
    const decidedAt = new Date('2026-03-12T09:00:00Z');
    const decide = await dossier(conservee, { state: 'refuse', depositedAt: T0, decidedAt });
    expect(await stored(decide.id)).toMatchObject({
      expiresAt: ajouterMois(decidedAt, 2),
      expirationNoticeAt: null,
    });
    const enInstruction = await dossier(conservee, { state: 'en_instruction', depositedAt: T0 });
    expect(await stored(enInstruction.id)).toMatchObject({ expiresAt: null, expirationNoticeAt: null });
    // The entity never carries them.
    expect(await app.get(DossierRepository).load(decide.id)).not.toHaveProperty('expiresAt');
  });

  it('computes the dates of dossiers written before them or for another durée, and never trusts a stale one', async () => {
    const decidedAt = new Date('2026-03-20T09:00:00Z');
    const fin = ajouterMois(decidedAt, 2);
    const ancien = await dossier(conservee, { state: 'accepte', depositedAt: T0, decidedAt });
    const autreDuree = await dossier(conservee, { state: 'accepte', depositedAt: T0, decidedAt });
    const tropTot = await dossier(conservee, { state: 'accepte', depositedAt: T0, decidedAt });
    await raw().updateOne(
      { _id: ancien.id as never },
      { $unset: { expiresAt: '', expirationNoticeAt: '', conservationMois: '' } },
    );
    await raw().updateOne(
      { _id: autreDuree.id as never },
      { $set: { expiresAt: ajouterMois(decidedAt, 36), conservationMois: 36 } },
    );
    // A date earlier than the rules say (whatever the cause): looked at, not acted upon, recomputed.
    await raw().updateOne({ _id: tropTot.id as never }, { $set: { expiresAt: decidedAt } });
    // As on the first sweep after an upgrade or a change of durée: the démarche's dossiers are looked over.
    await app
      .get<Connection>(getConnectionToken())
      .collection('dossiers_echeances_demarches')
      .deleteOne({ _id: conservee as never });

    await sweep(new Date(fin.getTime() - 1000));
    for (const { id } of [ancien, autreDuree, tropTot]) {
      expect(await stored(id)).toMatchObject({ deletedAt: null, expiresAt: fin, conservationMois: 2 });
    }

    await sweep(fin);
    for (const { id } of [ancien, autreDuree, tropTot]) {
      await waitFor(() => probe.of('DossierDeleted', (e) => e.dossierId === id)[0], `the deletion of ${id}`);
    }
  });
});

describe('PDF du dossier', () => {
  it('prints a deposited dossier for its usager', async () => {
    const depose = await dossier(conservee, {
      state: 'en_construction',
      depositedAt: T0,
      demandeur: {
        kind: 'particulier',
        civilite: 'M.',
        nom: 'Petit',
        prenom: 'Jean',
        fromFranceConnect: false,
      },
    });
    now = T0;
    const res = await fetch(`${await app.getUrl()}/dossiers/${depose.id}/pdf`, {
      headers: { 'x-demarches-identity': signInternalIdentity(usager, TEST_INTERNAL_TOKEN_SECRET) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`dossier-${depose.number}.pdf`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdfInfoTitle(pdf)).toBe(`Dossier n° ${depose.number} — Carte de stationnement`);
  });
});

describe('échéances: the job', () => {
  it('registers one repeatable sweep in BullMQ', async () => {
    const schedulers = await app.get(QueueRegistry).queue(echeancesQueue).queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key ?? s.id)).toContain(ECHEANCES_SCHEDULER_ID);
  });

  it('deletes orphan uploads never confirmed, and repairs one its dossier already references', async () => {
    const brouillon = await dossier(appelAProjets, {});
    const declaration = {
      champId: 'c',
      fileName: 'orphelin.pdf',
      contentType: 'application/pdf',
      size: 9,
      sha256: 'b'.repeat(64),
    };
    const orphan = nouvellePieceJointe(brouillon.id, declaration, usager.email, T0);
    const referenced = nouvellePieceJointe(brouillon.id, declaration, usager.email, T0);
    const pieces = app.get(PieceJointeRepository);
    await pieces.insert(orphan);
    await pieces.insert(referenced);
    const repo = app.get(DossierRepository);
    await repo.save({ ...brouillon, champs: { c: { attachmentIds: [referenced.id] } } }, []);
    await app
      .get(ObjectStorage)
      .putObject(orphan.key, Buffer.from('%PDF-1.7\n'), { contentType: 'application/pdf' });

    await sweep(new Date(T0.getTime() + 3600_000)); // younger than PIECE_JOINTE_ORPHAN_AFTER_S (1 day): kept
    expect(await pieces.find(orphan.id)).not.toBeNull();
    await sweep(new Date(T0.getTime() + 25 * 3600_000));
    expect(await pieces.find(orphan.id)).toBeNull();
    await expect(app.get(ObjectStorage).head(orphan.key)).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
    expect(await pieces.find(referenced.id)).toMatchObject({ statut: 'jointe' });
  });
});
