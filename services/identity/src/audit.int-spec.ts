// The audit trail against the real local Keycloak: sign-in events imported by identity's BullMQ job, read through
// GET /admin/audit. Throw-away accounts only, so brute-force lockouts never hit the demo users.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { signInternalIdentity, type InternalIdentity } from '@demarches/platform-auth';
import {
  keycloakPasswordToken,
  localInfrastructure,
  serviceTestEnv,
  startServiceProcess,
  testNamespace,
  waitFor,
  type ServiceProcess,
} from '@demarches/testing';
import { KeycloakTestAdmin } from './testing/keycloak-test-admin';

const namespace = testNamespace(__filename);
const SECRET = `test-${randomBytes(24).toString('hex')}`;
const run = randomBytes(4).toString('hex');
const email = (who: string) => `${who}.${run}@int.demarches.test`;
const PASSWORD = 'Integration-Audit-2026!';
/** deploy/keycloak/demarches-realm.json: bruteForceProtected, failureFactor 10, permanentLockout false. */
const FAILURE_FACTOR = 10;
/** Failures further apart than quickLoginCheckMilliSeconds (1 s), so the threshold, not the quick check, locks. */
const BETWEEN_FAILURES_MS = 1_200;

const platformAdmin: InternalIdentity = {
  sub: 'kc-platform-audit',
  email: 'plateforme-audit@demo.fr',
  roles: ['platform-admin'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('audit trail of Keycloak sign-in events (real Keycloak, Redis, FerretDB)', () => {
  const keycloak = new KeycloakTestAdmin(localInfrastructure.keycloakUrl);
  const createdEmails: string[] = [];
  let service: ServiceProcess;
  let db: mongoose.Connection;
  let lockedSub = '';

  const call = async (identity: InternalIdentity | null, path: string) => {
    const response = await fetch(`${service.url}${path}`, {
      headers: identity ? { 'x-demarches-identity': signInternalIdentity(identity, SECRET) } : {},
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const trailOf = async (subject: string): Promise<Json[]> =>
    (await call(platformAdmin, `/admin/audit?subject=${subject}&limit=500`)).body['events'] ?? [];

  const throwAwayUser = async (who: string): Promise<{ sub: string; address: string }> => {
    const address = email(who);
    createdEmails.push(address);
    return { sub: await keycloak.createUser(address, PASSWORD, ['usager']), address };
  };

  beforeAll(async () => {
    service = await startServiceProcess(
      'identity',
      serviceTestEnv(namespace, 'identity', {
        INTERNAL_TOKEN_SECRET: SECRET,
        // The job runs every second here (a minute by default).
        AUDIT_IMPORT_EVERY_MS: '1000',
      }),
    );
    db = await mongoose
      .createConnection(localInfrastructure.mongoUrl, { dbName: `${namespace}identity` })
      .asPromise();
  });

  afterAll(async () => {
    const code = await service?.stop();
    for (const address of createdEmails) await keycloak.deleteByEmail(address).catch(() => undefined);
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    expect(code).toBe(0);
  });

  it('imports a failed then a successful password sign-in, with actor, subject, ip and time', async () => {
    const { sub, address } = await throwAwayUser('signin');
    const before = Date.now();
    await expect(keycloakPasswordToken(address, 'not-the-password')).rejects.toThrow(/401|400/);
    await keycloakPasswordToken(address, PASSWORD);

    const trail = await waitFor(async () => {
      const events = await trailOf(sub);
      const types = events.map((e) => e['type']);
      return types.includes('auth.sign_in') && types.includes('auth.sign_in_failed') ? events : undefined;
    }, 'the sign-in events in the audit trail');

    // Newest first: the success follows the failure.
    expect(trail.map((e) => e['type'])).toEqual(['auth.sign_in', 'auth.sign_in_failed']);
    for (const entry of trail) {
      expect(entry).toMatchObject({ actor: sub, subject: sub, ip: expect.any(String) });
      expect(Date.parse(entry['at'])).toBeGreaterThanOrEqual(before - 1000);
      expect(entry['details']).toMatchObject({ source: 'keycloak', username: address });
    }
    expect(trail[1]['details']).toMatchObject({ error: 'invalid_user_credentials' });

    // Identity's own Keycloak calls (the test creates the user through its service account) are not imported
    // as admin changes: identity audits what it does itself.
    expect(
      await db
        .collection('audit_events')
        .countDocuments({ subject: sub, 'details.source': 'keycloak-admin' }),
    ).toBe(0);

    // A later run imports the next sign-in and adds nothing twice (its position is inclusive).
    expect(
      Date.parse((await call(platformAdmin, '/admin/audit?limit=1')).body['keycloakImportedUntil']),
    ).toBeGreaterThanOrEqual(Date.parse(trail[0]['at']));
    await keycloakPasswordToken(address, PASSWORD);
    const later = await waitFor(
      async () => {
        const events = await trailOf(sub);
        return events.filter((e) => e['type'] === 'auth.sign_in').length === 2 ? events : undefined;
      },
      'the second sign-in',
      40_000,
    );
    expect(later.map((e) => e['type'])).toEqual(['auth.sign_in', 'auth.sign_in', 'auth.sign_in_failed']);
  });

  it(`records the lockout after ${FAILURE_FACTOR} failures, and the refused attempts while locked`, async () => {
    const { sub, address } = await throwAwayUser('lockout');
    lockedSub = sub;
    for (let attempt = 0; attempt < FAILURE_FACTOR; attempt += 1) {
      await expect(keycloakPasswordToken(address, `wrong-${attempt}`)).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_FAILURES_MS));
    }
    // The right password is refused now: the account is temporarily locked.
    await expect(keycloakPasswordToken(address, PASSWORD)).rejects.toThrow();

    const trail = await waitFor(async () => {
      const events = await trailOf(sub);
      const locked = events.some((e) => e['type'] === 'auth.lockout');
      const refused = events.some((e) => e['details']?.['error'] === 'user_temporarily_disabled');
      return locked && refused ? events : undefined;
    }, 'the lockout in the audit trail');

    const lockouts = trail.filter((e) => e['type'] === 'auth.lockout');
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({
      actor: sub,
      subject: sub,
      ip: expect.any(String),
      details: { keycloakType: 'USER_DISABLED_BY_TEMPORARY_LOCKOUT', num_failures: String(FAILURE_FACTOR) },
    });
    const failures = trail.filter((e) => e['details']?.['error'] === 'invalid_user_credentials');
    expect(failures).toHaveLength(FAILURE_FACTOR);
    expect(failures.every((e) => e['type'] === 'auth.sign_in_failed')).toBe(true);
    // Nothing but failures and the lockout: no sign-in got through.
    expect(trail.some((e) => e['type'] === 'auth.sign_in')).toBe(false);

    // Filtered by type, only the lockout remains.
    const byType = await call(platformAdmin, `/admin/audit?subject=${sub}&type=auth.lockout`);
    expect(byType.body['events'].map((e: Json) => e['id'])).toEqual([lockouts[0]['id']]);
  });

  it('pages through the trail with the cursor and filters by actor and period', async () => {
    const sub = lockedSub;
    const all = await trailOf(sub);
    expect(all.length).toBeGreaterThan(FAILURE_FACTOR);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        platformAdmin,
        `/admin/audit?actor=${sub}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body['events'].length).toBeLessThanOrEqual(4);
      seen.push(...page.body['events'].map((e: Json) => e['id']));
      cursor = page.body['nextCursor'];
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e['id']));

    const lockoutAt = all.find((e) => e['type'] === 'auth.lockout')?.['at'] as string;
    const after = await call(
      platformAdmin,
      `/admin/audit?subject=${sub}&from=${encodeURIComponent(lockoutAt)}`,
    );
    expect(after.body['events'].every((e: Json) => Date.parse(e['at']) >= Date.parse(lockoutAt))).toBe(true);
    expect(after.body['events'].length).toBeLessThan(all.length);

    expect((await call(platformAdmin, '/admin/audit?cursor=forged')).status).toBe(400);
  });

  it('shows the trail to a platform admin only', async () => {
    for (const roles of [['administrateur'], ['instructeur'], ['usager']] as InternalIdentity['roles'][]) {
      const refused = await call({ sub: 'kc-someone', email: 'someone@demo.fr', roles }, '/admin/audit');
      expect(refused.status).toBe(403);
    }
    expect((await call(null, '/admin/audit')).status).toBe(401);
  });
});
