// API token expiry notice end to end on the real infrastructure: a token that expires within a day -> identity's
// BullMQ sweep -> ApiTokenExpiring on Kafka (outbox) -> notification -> one e-mail at the SMTP capture (Mailpit).
import mongoose from 'mongoose';
import { ApiTokenExpiryNotice, Topics } from '@demarches/contracts';
import { signInternalIdentity, type InternalIdentity } from '@demarches/platform-auth';
import {
  KafkaProbe,
  localInfrastructure,
  Mailpit,
  serviceTestEnv,
  startServiceProcess,
  TEST_INTERNAL_TOKEN_SECRET,
  testNamespace,
  waitFor,
  type ServiceProcess,
} from '@demarches/testing';

const ns = testNamespace(__filename);
const ownerEmail = `jetons-${ns.replace(/_/g, '-')}@exemple.fr`.toLowerCase();
const admin: InternalIdentity = { sub: `kc-${ns}admin`, email: ownerEmail, roles: ['administrateur'] };
const mailpit = new Mailpit();

describe('API token expiry notices (identity sweep -> Kafka -> notification -> Mailpit)', () => {
  const kafka = new KafkaProbe(ns);
  let identity: ServiceProcess;
  let notification: ServiceProcess;
  let db: mongoose.Connection;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${identity.url}${path}`, {
      method,
      headers: {
        'x-demarches-identity': signInternalIdentity(admin, TEST_INTERNAL_TOKEN_SECRET),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
  };

  beforeAll(async () => {
    await kafka.start([Topics.identity, Topics.notification, Topics.procedure, Topics.dossier]);
    [identity, notification] = await Promise.all([
      startServiceProcess(
        'identity',
        serviceTestEnv(ns, 'identity', { API_TOKEN_EXPIRY_SWEEP_EVERY_MS: '1000' }),
      ),
      startServiceProcess(
        'notification',
        serviceTestEnv(ns, 'notification', {
          SMTP_HOST: localInfrastructure.smtp.host,
          SMTP_PORT: String(localInfrastructure.smtp.port),
          PUBLIC_URL: 'https://demarches.test',
          EMAIL_BACKOFF_MS: '200',
        }),
      ),
    ]);
    db = await mongoose
      .createConnection(localInfrastructure.mongoUrl, { dbName: `${ns}identity` })
      .asPromise();
    expect((await call('GET', '/me')).status).toBe(200);
  });

  afterAll(async () => {
    await kafka.stop();
    const codes = await Promise.all([identity?.stop(), notification?.stop()]);
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    expect(codes).toEqual([0, 0]);
  });

  it('mails the owner of a token expiring within a day once, and not for a token expiring later', async () => {
    const soon = await call('POST', '/me/api-tokens', { name: 'Export nocturne', lifetimeDays: 1 });
    expect(soon.status).toBe(201);
    // A token of 60 days gets no notice yet (its first one is due a month before).
    const later = await call('POST', '/me/api-tokens', { name: 'Tableau de bord', lifetimeDays: 60 });
    expect(later.status).toBe(201);

    const [mail] = await mailpit.waitForMails(ownerEmail, 1);
    expect(mail?.subject).toMatch(/^Votre jeton d'API « Export nocturne » expire le \d{1,2} \S+ \d{4}$/);
    const text = await mailpit.text(mail?.id ?? '');
    expect(text).toContain('https://demarches.test/profil');

    const events = await waitFor(() => {
      const found = kafka.distinct(Topics.identity, 'ApiTokenExpiring');
      return found.length > 0 ? found : undefined;
    }, 'ApiTokenExpiring on the identity topic');
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        tokenId: soon.body.apiToken.id,
        tokenName: 'Export nocturne',
        ownerEmail,
        notice: ApiTokenExpiryNotice.ONE_DAY,
      }),
    ]);
    expect(events[0]?.key).toBe(soon.body.apiToken.id);
    const stored = await db.collection('api_tokens').findOne({ _id: soon.body.apiToken.id });
    expect(stored?.noticesSent).toEqual(['1d']);

    // Several more sweeps run (every second): still one e-mail and one event.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await mailpit.search(ownerEmail)).toHaveLength(1);
    expect(kafka.distinct(Topics.identity, 'ApiTokenExpiring')).toHaveLength(1);
  });
});
