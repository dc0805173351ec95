// Conditions, groupes instructeurs, routing and the attestation against the real infrastructure: FerretDB for the
// démarche, versitygw for the attestation images, Kafka for GroupesInstructeursChanged and the snapshot.
import { ConditionOperator, Topics } from '@demarches/contracts';
import { pdfInfoTitle } from '@demarches/pdf';
import type { InternalIdentity } from '@demarches/platform-auth';
import { signInternalIdentity } from '@demarches/platform-auth';
import { connectKafka } from '@demarches/platform-kafka';
import { createServiceApp } from '@demarches/platform-runtime';
import {
  internalHttpClient,
  KafkaProbe,
  type ServiceCaller,
  serviceTestEnv,
  TEST_INTERNAL_TOKEN_SECRET,
  testNamespace,
  waitFor,
} from '@demarches/testing';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadFormBuilderConfig } from './config';

const namespace = testNamespace(__filename);
const probe = new KafkaProbe(namespace);
const admin: InternalIdentity = { sub: 'a', email: 'admin@exemple.fr', roles: ['administrateur'] };
const autreAdmin: InternalIdentity = { sub: 'b', email: 'autre@exemple.fr', roles: ['administrateur'] };
// A 4×2 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000004000000020802000000f0caea340000001049444154789c63f8cfc000470cc81c006faa07f980dc00280000000049454e44ae426082',
  'hex',
);
let app: INestApplication;
let baseUrl: string;
let http: ServiceCaller;

async function champ(id: string, body: Record<string, unknown>): Promise<string> {
  const response = await http(admin, 'POST', `/demarches/${id}/champs`, body);
  expect(response.status).toBe(201);
  return response.body.id;
}

/** Uploads bytes the way a browser does: presigned PUT to S3 with the signed headers, then confirmation. */
async function televerser(id: string, kind: string, bytes: Buffer, contentType: string) {
  const prepared = await http(admin, 'POST', `/demarches/${id}/attestation/images/${kind}/televersement`, {
    contentType,
    size: bytes.length,
  });
  expect(prepared.status).toBe(201);
  const put = await fetch(prepared.body.upload.url, {
    method: 'PUT',
    headers: prepared.body.upload.headers,
    body: bytes,
  });
  expect(put.status).toBe(200);
  return http(admin, 'PUT', `/demarches/${id}/attestation/images/${kind}`, {
    key: prepared.body.key,
    contentType,
  });
}

beforeAll(async () => {
  await probe.start([Topics.procedure]);
  const config = loadFormBuilderConfig(serviceTestEnv(namespace, 'form-builder'));
  app = await createServiceApp({
    module: AppModule.forRoot(config),
    config,
    kafka: { connect: connectKafka },
  });
  await app.listen(0, '127.0.0.1');
  baseUrl = await app.getUrl();
  http = internalHttpClient(baseUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await probe.stop();
});

describe('conditions, groupes, routing and attestation', () => {
  let id: string;
  let departement: string;
  let association: string;
  let nomAssociation: string;
  let montant: string;

  beforeAll(async () => {
    id = (await http(admin, 'POST', '/demarches', { title: 'Subventions aux associations' })).body.id;
    departement = await champ(id, {
      type: 'drop_down_list',
      label: 'Département',
      mandatory: true,
      options: ['Loire', 'Rhône'],
    });
    association = await champ(id, { type: 'yes_no', label: 'Êtes-vous une association ?' });
    nomAssociation = await champ(id, { type: 'text', label: "Nom de l'association" });
    montant = await champ(id, { type: 'integer_number', label: 'Montant demandé' });
  });

  it('sets a condition on earlier champs only, and keeps the champs it depends on', async () => {
    const set = await http(admin, 'PUT', `/demarches/${id}/champs/${nomAssociation}/condition`, {
      condition: { champId: association, operator: 'equals', value: 'true' },
    });
    expect(set).toMatchObject({
      status: 200,
      body: { id: nomAssociation, condition: { champId: association } },
    });

    const later = await http(admin, 'PUT', `/demarches/${id}/champs/${association}/condition`, {
      condition: { champId: montant, operator: 'greater_than', value: '10' },
    });
    expect(later).toMatchObject({
      status: 400,
      body: { error: { code: 'CONDITION_INVALID', details: { problemes: [{ code: 'CHAMP_POSTERIEUR' }] } } },
    });
    const operator = await http(admin, 'PUT', `/demarches/${id}/champs/${montant}/condition`, {
      condition: { champId: association, operator: 'greater_than', value: 'true' },
    });
    expect(operator.body.error.details.problemes[0].code).toBe('OPERATEUR_INCOMPATIBLE');

    const deleted = await http(admin, 'DELETE', `/demarches/${id}/champs/${association}`);
    expect(deleted).toMatchObject({ status: 409, body: { error: { code: 'CHAMP_DEPENDANCE' } } });
    expect(deleted.body.error.message).toContain("« Nom de l'association »");
    const moved = await http(admin, 'POST', `/demarches/${id}/champs/${nomAssociation}/deplacer`, {
      direction: 'haut',
    });
    expect(moved).toMatchObject({ status: 409, body: { error: { code: 'CHAMP_DEPENDANCE' } } });
  });

  it('routes by the list champ at the start of the form, then by rules, with an event for every change', async () => {
    const parChamp = await http(admin, 'PUT', `/demarches/${id}/routage`, {
      mode: 'champ',
      champId: departement,
    });
    expect(parChamp.status).toBe(200);
    expect(parChamp.body).toMatchObject({ mode: 'champ', champId: departement });
    const loire = parChamp.body.groupes.find((g: { label: string }) => g.label === 'Loire');
    expect(loire.routingValues).toEqual(['Loire']);
    expect(loire.routingRule).toEqual({ champId: departement, operator: 'equals', value: 'Loire' });

    const notFirst = await http(admin, 'PUT', `/demarches/${id}/routage`, {
      mode: 'champ',
      champId: montant,
    });
    expect(notFirst).toMatchObject({ status: 400, body: { error: { code: 'ROUTAGE_INVALID' } } });

    const added = await http(admin, 'POST', `/demarches/${id}/groupes/${loire.id}/instructeurs`, {
      emails: ['Claire@Loire.fr', 'paul@loire.fr'],
    });
    expect(added).toMatchObject({
      status: 200,
      body: { instructeurs: ['claire@loire.fr', 'paul@loire.fr'] },
    });
    const invitation = await waitFor(
      () =>
        probe
          .distinct(Topics.procedure, 'GroupesInstructeursChanged')
          .find((e) => e.payload.demarcheId === id && e.payload.invitedEmails.includes('claire@loire.fr')),
      'GroupesInstructeursChanged',
    );
    expect(invitation.payload.invitedEmails).toEqual(['claire@loire.fr', 'paul@loire.fr']);
    expect(invitation.payload.groupesInstructeurs).toContainEqual(
      expect.objectContaining({ id: loire.id, routingValues: ['Loire'], isDefault: false, closed: false }),
    );

    const gros = await http(admin, 'POST', `/demarches/${id}/groupes`, {
      label: 'Gros projets',
      contact: {
        nom: 'Pôle subventions',
        email: 'subventions@exemple.fr',
        telephone: '04 77 00 00 00',
        horaires: 'du lundi au vendredi, 9 h – 17 h',
        adresse: '2 rue Charles de Gaulle, 42000 Saint-Étienne',
      },
    });
    expect(gros.status).toBe(201);
    const regle = await http(admin, 'PUT', `/demarches/${id}/groupes/${gros.body.id}/regle`, {
      rule: { champId: montant, operator: 'greater_than', value: '10000' },
    });
    expect(regle).toMatchObject({ status: 200, body: { mode: 'regles', champId: null } });
    await http(admin, 'POST', `/demarches/${id}/groupes/${gros.body.id}/instructeurs`, {
      email: 'gros@exemple.fr',
    });

    const defaut = parChamp.body.groupes.find((g: { isDefault: boolean }) => g.isDefault);
    expect((await http(admin, 'DELETE', `/demarches/${id}/groupes/${defaut.id}`)).body.error.code).toBe(
      'GROUPE_CONFLICT',
    );
    expect(
      (await http(admin, 'PATCH', `/demarches/${id}/groupes/${defaut.id}`, { closed: true })).body.error.code,
    ).toBe('GROUPE_CONFLICT');
    const rhone = parChamp.body.groupes.find((g: { label: string }) => g.label === 'Rhône');
    expect(
      await http(admin, 'PATCH', `/demarches/${id}/groupes/${rhone.id}`, { closed: true }),
    ).toMatchObject({
      status: 200,
      body: { closed: true },
    });
    expect((await http(autreAdmin, 'GET', `/demarches/${id}/groupes`)).status).toBe(404);
  });

  it('validates the attestation, stores its images in S3 and previews it as PDF', async () => {
    const unknown = await http(admin, 'PUT', `/demarches/${id}/attestation`, {
      enabled: true,
      title: 'Attestation',
      body: 'Dossier --numéro du dossier-- de --Raison sociale--',
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: 'ATTESTATION_INVALID', details: { balisesInconnues: ['Raison sociale'] } } },
    });
    const saved = await http(admin, 'PUT', `/demarches/${id}/attestation`, {
      enabled: true,
      title: 'Attestation de subvention',
      body: "L'association --Nom de l'association-- reçoit une subvention.\n\nFait à Saint-Étienne.",
      footer: 'Préfecture de la Loire',
      qrCode: true,
    });
    expect(saved).toMatchObject({ status: 200, body: { enabled: true, qrCode: true, logoKey: null } });

    const logo = await televerser(id, 'logo', PNG, 'image/png');
    expect(logo.status).toBe(200);
    expect(logo.body.logoKey).toMatch(new RegExp(`^demarches/${id}/attestation-logo/`));
    const disguised = await televerser(id, 'signature', Buffer.from('GIF89a not a png at all'), 'image/png');
    expect(disguised).toMatchObject({ status: 400, body: { error: { code: 'ATTESTATION_INVALID' } } });
    const tooBig = await http(admin, 'POST', `/demarches/${id}/attestation/images/signature/televersement`, {
      contentType: 'image/png',
      size: 6 * 1024 * 1024,
    });
    expect(tooBig.body.error.code).toBe('ATTESTATION_INVALID');

    const preview = await fetch(`${baseUrl}/demarches/${id}/attestation/apercu`, {
      headers: { 'x-demarches-identity': signInternalIdentity(admin, TEST_INTERNAL_TOKEN_SECRET) },
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await preview.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfoTitle(pdf)).toBe('Attestation de subvention');
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('publishes conditions, routing and the attestation in the snapshot', async () => {
    const service = await http(admin, 'PUT', `/demarches/${id}/service`, {
      nom: 'Direction de la vie associative',
      organisme: 'Préfecture de la Loire',
      email: 'vie-associative@exemple.fr',
      telephone: '04 77 00 00 00',
      horaires: 'du lundi au vendredi',
      adresse: '2 rue Charles de Gaulle, 42000 Saint-Étienne',
      siret: '13002526500013',
    });
    expect(service.status).toBe(200);
    const described = await http(admin, 'PATCH', `/demarches/${id}`, {
      lienDiffusion: 'https://www.loire.gouv.fr/subventions',
      cadreJuridique: { texte: 'Loi du 1er juillet 1901' },
    });
    expect(described.status).toBe(200);
    const published = await http(admin, 'POST', `/demarches/${id}/publier`, {
      slug: 'subventions-associations',
    });
    expect(published).toMatchObject({ status: 200, body: { state: 'publiee' } });

    const snapshot = await waitFor(
      () =>
        probe
          .distinct(Topics.procedure, 'DemarchePublished')
          .find((e) => e.payload.demarcheId === id && !e.payload.enTest),
      'DemarchePublished',
    );
    const { payload } = snapshot;
    expect(payload.champs.find((c) => c.id === nomAssociation)?.condition).toEqual({
      comparison: { champId: association, operator: ConditionOperator.EQUALS, value: 'true' },
    });
    expect(payload.routingChampId).toBeUndefined();
    const gros = payload.groupesInstructeurs.find((g) => g.label === 'Gros projets');
    expect(gros).toMatchObject({
      instructeurEmails: ['gros@exemple.fr'],
      routingRule: {
        comparison: { champId: montant, operator: ConditionOperator.GREATER_THAN, value: '10000' },
      },
      contact: expect.objectContaining({ nom: 'Pôle subventions' }),
    });
    expect(payload.groupesInstructeurs.find((g) => g.label === 'Rhône')).toMatchObject({ closed: true });
    expect(payload.groupesInstructeurs.filter((g) => g.isDefault)).toHaveLength(1);
    expect(payload.attestation).toMatchObject({
      enabled: true,
      title: 'Attestation de subvention',
      qrCode: true,
      logoKey: expect.stringContaining('attestation-logo'),
    });

    // Instructeurs stay editable after publication: a fresh snapshot follows the change.
    const before = probe.of('DemarchePublished', (p) => p.demarcheId === id).length;
    await http(admin, 'POST', `/demarches/${id}/groupes/${gros!.id}/instructeurs`, {
      email: 'renfort@exemple.fr',
    });
    const fresh = await waitFor(
      () => probe.of('DemarchePublished', (p) => p.demarcheId === id).length > before,
      'fresh DemarchePublished',
    );
    expect(fresh).toBe(true);
  });
});
