// Identity against the real local infrastructure: Keycloak (admin API through the identity service account),
// Kafka (form-builder and dossier events published as those services would), FerretDB and Mailpit.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { AccountRole, DossierState, Topics } from '@demarches/contracts';
import { signInternalIdentity, type InternalIdentity } from '@demarches/platform-auth';
import {
  KafkaProbe,
  localInfrastructure,
  Mailpit,
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
const PASSWORD = 'Integration-Test-2026!';
const at = new Date('2026-03-01T08:00:00Z');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('identity roles and account rules (real Keycloak, Kafka, FerretDB, Mailpit)', () => {
  const keycloak = new KeycloakTestAdmin(localInfrastructure.keycloakUrl);
  const mailpit = new Mailpit();
  const probe = new KafkaProbe(namespace);
  const createdEmails: string[] = [];
  let service: ServiceProcess;
  let db: mongoose.Connection;

  const call = async (identity: InternalIdentity | null, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(identity ? { 'x-demarches-identity': signInternalIdentity(identity, SECRET) } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  };

  const realUser = async (who: string, roles: string[] = ['usager']): Promise<InternalIdentity> => {
    const address = email(who);
    createdEmails.push(address);
    const sub = await keycloak.createUser(address, PASSWORD, roles);
    return { sub, email: address, roles: roles as InternalIdentity['roles'] };
  };

  beforeAll(async () => {
    await probe.start([Topics.procedure, Topics.dossier, Topics.identity]);
    service = await startServiceProcess(
      'identity',
      serviceTestEnv(namespace, 'identity', { INTERNAL_TOKEN_SECRET: SECRET }),
    );
    db = await mongoose
      .createConnection(localInfrastructure.mongoUrl, { dbName: `${namespace}identity` })
      .asPromise();
  });

  afterAll(async () => {
    const code = await service?.stop();
    await probe.stop();
    for (const address of createdEmails) await keycloak.deleteByEmail(address).catch(() => undefined);
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    expect(code).toBe(0);
  });

  const administrateur: InternalIdentity = {
    sub: 'kc-admin-int',
    email: 'admin-int@demo.fr',
    roles: ['administrateur'],
  };

  it('invites an instructeur: Keycloak account with the role and required actions, Mailpit gets the link', async () => {
    const invited = email('invitee');
    createdEmails.push(invited);
    const response = await call(administrateur, 'POST', '/admin/invitations', {
      email: invited.toUpperCase(),
      role: 'instructeur',
    });
    expect(response.status).toBe(201);
    const account = await keycloak.userByEmail(invited);
    expect(account?.id).toBe(response.body['sub']);
    expect(account?.requiredActions.sort()).toEqual(['CONFIGURE_TOTP', 'UPDATE_PASSWORD']);
    expect(await keycloak.realmRoles(account!.id)).toEqual(expect.arrayContaining(['instructeur', 'agent']));
    const [mail] = await mailpit.waitForMails(invited, 1);
    const text = await mailpit.text(mail!.id);
    expect(text).toMatch(/\/realms\/demarches\/login-actions\/action-token\?key=/);
  });

  it('refuses an invitation of an administrateur by an administrateur, and a repeated e-mail', async () => {
    const target = email('would-be-admin');
    const refused = await call(administrateur, 'POST', '/admin/invitations', {
      email: target,
      role: 'administrateur',
    });
    expect(refused.status).toBe(403);
    expect(await keycloak.userByEmail(target)).toBeUndefined();
    const existing = await realUser('already');
    const again = await call(administrateur, 'POST', '/admin/invitations', {
      email: existing.email,
      role: 'instructeur',
    });
    expect(again.status).toBe(409);
    expect(again.body['error'].code).toBe('EMAIL_ALREADY_USED');
  });

  it('refuses an e-mail change to an agent and accepts it for an usager (verification mail to the new address)', async () => {
    const instructeur = await realUser('agent', ['instructeur']);
    const refused = await call(instructeur, 'PATCH', '/me/email', { email: email('agent-new') });
    expect(refused.status).toBe(403);
    expect(refused.body['error'].code).toBe('AGENT_EMAIL_CHANGE_FORBIDDEN');
    expect((await keycloak.user(instructeur.sub))?.email).toBe(instructeur.email);

    const usager = await realUser('usager-mail');
    const newAddress = email('usager-mail-new');
    createdEmails.push(newAddress);
    const accepted = await call(usager, 'PATCH', '/me/email', { email: newAddress });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ email: newAddress });
    expect((await keycloak.user(usager.sub))?.email).toBe(newAddress);
    const [mail] = await mailpit.waitForMails(newAddress, 1);
    expect(await mailpit.text(mail!.id)).toMatch(/action-token\?key=/);
  });

  it('refuses an account deletion while a dossier is en instruction (Kafka events), accepts it once decided', async () => {
    const usager = await realUser('usager-delete');
    const dossierId = `dossier-${run}`;
    await probe.publish(Topics.dossier, 'DossierCreated', dossierId, {
      dossierId,
      number: 1,
      demarcheId: 'dem-int',
      demarcheNumber: 1,
      revisionId: 'rev-1',
      usagerSub: usager.sub,
      createdAt: at,
      version: 1,
    });
    const stateChanged = (version: number, from: DossierState, to: DossierState) =>
      probe.publish(Topics.dossier, 'DossierStateChanged', dossierId, {
        dossierId,
        number: 1,
        demarcheId: 'dem-int',
        demarcheNumber: 1,
        groupeInstructeurId: 'g-1',
        usagerEmail: usager.email,
        from,
        to,
        at,
        version,
      });
    await stateChanged(3, DossierState.EN_CONSTRUCTION, DossierState.EN_INSTRUCTION);
    const states = db.collection('dossier_states');
    await waitFor(
      async () => (await states.findOne({ _id: dossierId as never, state: 'en_instruction' })) !== null,
      'en instruction projected',
    );

    const refused = await call(usager, 'DELETE', '/me');
    expect(refused.status).toBe(409);
    expect(refused.body['error'].code).toBe('ACCOUNT_HAS_DOSSIER_EN_INSTRUCTION');
    expect(await keycloak.user(usager.sub)).toBeDefined();

    await stateChanged(4, DossierState.EN_INSTRUCTION, DossierState.ACCEPTE);
    await waitFor(
      async () => (await states.findOne({ _id: dossierId as never, state: 'accepte' })) !== null,
      'acceptation projected',
    );
    const accepted = await call(usager, 'DELETE', '/me');
    expect(accepted.status).toBe(204);
    expect(await keycloak.user(usager.sub)).toBeUndefined();
  });

  it('GroupesInstructeursChanged grants the instructeur role, invites a new e-mail, and lists the groupes on /me', async () => {
    const member = await realUser('member');
    const newcomer = email('newcomer');
    createdEmails.push(newcomer);
    const demarcheId = `dem-${run}`;
    const groupes = (version: number, emails: { g1: string[]; g2: string[] }) =>
      probe.publish(Topics.procedure, 'GroupesInstructeursChanged', demarcheId, {
        demarcheId,
        number: 42,
        title: 'Subvention intégration',
        groupesInstructeurs: [
          {
            id: 'g-1',
            label: 'Défaut',
            instructeurEmails: emails.g1,
            routingValues: [],
            closed: false,
            isDefault: true,
          },
          {
            id: 'g-2',
            label: 'Bretagne',
            instructeurEmails: emails.g2,
            routingValues: [],
            closed: false,
            isDefault: false,
          },
        ],
        invitedEmails: emails.g2.filter((e) => e === newcomer),
        at,
        version,
      });
    await groupes(2, { g1: [member.email.toUpperCase()], g2: [newcomer] });

    await waitFor(
      async () => (await keycloak.realmRoles(member.sub)).includes('instructeur'),
      'instructeur role',
    );
    const invited = await waitFor(async () => keycloak.userByEmail(newcomer), 'newcomer account');
    // The account is created first, then given the role: wait for both rather than race the second write.
    await waitFor(
      async () => (await keycloak.realmRoles(invited.id)).includes('instructeur'),
      'newcomer instructeur role',
    );
    await mailpit.waitForMails(newcomer, 1);

    const me = await call({ ...member, roles: ['instructeur', 'usager'] }, 'GET', '/me');
    expect(me.status).toBe(200);
    // Identity publishes the grants (outbox of its role record, topic demarches.identity.v1), keyed by the sub.
    const granted = await waitFor(
      async () =>
        probe
          .distinct(Topics.identity, 'RoleGranted')
          .find((e) => e.payload.userSub === member.sub && e.payload.role === AccountRole.INSTRUCTEUR),
      'RoleGranted',
    );
    expect(granted).toMatchObject({
      key: member.sub,
      payload: { email: member.email, grantedBy: 'system', invited: false, demarcheId },
    });
    const newcomerGrant = await waitFor(
      async () => probe.distinct(Topics.identity, 'RoleGranted').find((e) => e.payload.email === newcomer),
      'RoleGranted for the newcomer',
    );
    expect(newcomerGrant.payload).toMatchObject({ userSub: invited.id, invited: true });
    expect(me.body['instructeur']).toEqual([
      { demarcheId, number: 42, title: 'Subvention intégration', groupes: [{ id: 'g-1', label: 'Défaut' }] },
    ]);

    // She leaves her only groupe: the role goes; the newcomer keeps hers.
    await groupes(3, { g1: [], g2: [newcomer] });
    await waitFor(
      async () => !(await keycloak.realmRoles(member.sub)).includes('instructeur'),
      'role withdrawn',
    );
    const removed = await waitFor(
      async () =>
        probe.distinct(Topics.identity, 'RoleRemoved').find((e) => e.payload.userSub === member.sub),
      'RoleRemoved',
    );
    expect(removed.payload).toMatchObject({ role: AccountRole.INSTRUCTEUR, removedBy: 'system', version: 2 });
    expect(await keycloak.realmRoles(invited.id)).toContain('instructeur');
    expect((await call(member, 'GET', '/me')).body['instructeur']).toEqual([]);
  });

  it('lists the dossiers an invité was invited on, following DossierInviteAdded / DossierInviteRemoved', async () => {
    const invite: InternalIdentity = { sub: 'kc-invite', email: email('co-auteur'), roles: ['usager'] };
    const added = (dossierId: string, version: number) =>
      probe.publish(Topics.dossier, 'DossierInviteAdded', dossierId, {
        dossierId,
        demarcheId: 'dem-inv',
        number: 7,
        email: invite.email,
        invitedByEmail: 'owner@demo.fr',
        message: '',
        at,
        version,
      });
    await added(`inv-a-${run}`, 2);
    await added(`inv-b-${run}`, 2);
    await waitFor(
      async () => ((await call(invite, 'GET', '/me')).body['invitations'] ?? []).length === 2,
      'two invitations',
    );
    await probe.publish(Topics.dossier, 'DossierInviteRemoved', `inv-a-${run}`, {
      dossierId: `inv-a-${run}`,
      demarcheId: 'dem-inv',
      email: invite.email,
      at,
      version: 3,
    });
    await waitFor(
      async () => ((await call(invite, 'GET', '/me')).body['invitations'] ?? []).length === 1,
      'one invitation',
    );
    expect((await call(invite, 'GET', '/me')).body['invitations']).toEqual([
      { dossierId: `inv-b-${run}`, demarcheId: 'dem-inv' },
    ]);
  });

  it('shows the audit trail to a platform admin only', async () => {
    const platformAdmin: InternalIdentity = {
      sub: 'kc-platform',
      email: 'plateforme@demo.fr',
      roles: ['platform-admin'],
    };
    const trail = await call(platformAdmin, 'GET', '/admin/audit?type=role.granted&limit=500');
    expect(trail.status).toBe(200);
    const roles = (trail.body['events'] as Json[]).map((e) => e['details']['role']);
    expect(roles).toEqual(expect.arrayContaining(['instructeur']));
    expect((trail.body['events'] as Json[]).every((e) => e['type'] === 'role.granted')).toBe(true);
    for (const who of [
      administrateur,
      { sub: 'kc-u', email: 'u@demo.fr', roles: ['usager'] } as InternalIdentity,
    ]) {
      const refused = await call(who, 'GET', '/admin/audit');
      expect(refused.status).toBe(403);
    }
    expect((await call(null, 'GET', '/admin/audit')).status).toBe(401);
  });
});
