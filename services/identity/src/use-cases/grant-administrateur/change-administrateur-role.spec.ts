import type { InternalIdentity } from '@demarches/platform-auth';
import { IdentityErrorCode } from '../../identity.exception';
import {
  FakeKeycloakAdmin,
  FixedClock,
  InMemoryAuditEventRepository,
  InMemoryRoleAssignments,
} from '../../testing/in-memory';
import { RevokeAdministrateurUseCase } from '../revoke-administrateur/revoke-administrateur.use-case';
import { RoleAssignment } from '../assign-role/role-assignment';
import { RecordAuditEventUseCase } from '../record-audit-event/record-audit-event.use-case';
import { GrantAdministrateurUseCase } from './grant-administrateur.use-case';

const admin: InternalIdentity = { sub: 'kc-admin', email: 'admin@demo.gouv.fr', roles: ['platform-admin'] };

describe('administrateur role grant and withdrawal', () => {
  const setup = () => {
    const keycloak = new FakeKeycloakAdmin();
    keycloak.users.set('kc-1', {
      id: 'kc-1',
      email: 'agent@demo.gouv.fr',
      attributes: {},
      roles: new Set(['usager']),
      requiredActions: [],
    });
    const auditEvents = new InMemoryAuditEventRepository();
    const records = new InMemoryRoleAssignments();
    const clock = new FixedClock(new Date('2026-11-27T10:00:00Z'));
    const audit = new RecordAuditEventUseCase(auditEvents, clock);
    const roles = new RoleAssignment(keycloak, audit, records, clock, { AGENT_INVITATION_LIFESPAN_S: 3600 });
    return {
      keycloak,
      auditEvents,
      records,
      grant: new GrantAdministrateurUseCase(keycloak, audit, roles),
      revoke: new RevokeAdministrateurUseCase(keycloak, audit, roles),
    };
  };

  it('grants the role to the account of the normalised e-mail, audits it and publishes RoleGranted', async () => {
    const { keycloak, auditEvents, records, grant } = setup();
    await expect(grant.execute(admin, { email: 'Agent@Demo.gouv.fr' })).resolves.toEqual({ sub: 'kc-1' });
    expect(keycloak.users.get('kc-1')?.roles.has('administrateur')).toBe(true);
    expect(auditEvents.events).toEqual([
      expect.objectContaining({
        type: 'role.granted',
        actor: 'kc-admin',
        subject: 'kc-1',
        details: { role: 'administrateur' },
      }),
    ]);
    expect(records.published()).toEqual([expect.objectContaining({ type: 'RoleGranted', key: 'kc-1' })]);
  });

  it('withdraws the role, audits it and publishes RoleRemoved', async () => {
    const { keycloak, auditEvents, records, grant, revoke } = setup();
    await grant.execute(admin, { email: 'agent@demo.gouv.fr' });
    await expect(revoke.execute(admin, { email: 'agent@demo.gouv.fr' })).resolves.toEqual({ sub: 'kc-1' });
    expect(keycloak.users.get('kc-1')?.roles.has('administrateur')).toBe(false);
    expect(auditEvents.events.map((e) => e.type)).toEqual(['role.granted', 'role.removed']);
    expect(records.published().map((e) => e.type)).toEqual(['RoleGranted', 'RoleRemoved']);
  });

  it('answers not found for an e-mail without account and a validation error for a malformed one', async () => {
    const { auditEvents, grant, revoke } = setup();
    await expect(grant.execute(admin, { email: 'personne@demo.gouv.fr' })).rejects.toMatchObject({
      code: IdentityErrorCode.UserNotFound,
    });
    await expect(revoke.execute(admin, { email: 'pas-une-adresse' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(auditEvents.events).toEqual([]);
  });
});
