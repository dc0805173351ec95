import { identityFromClaims } from './access-token-claims';

describe(identityFromClaims.name, () => {
  it('keeps subject, e-mail and the platform roles only', () => {
    const identity = identityFromClaims({
      sub: 'u-1',
      email: 'usager@demo.demarches.fr',
      realm_access: { roles: ['default-roles-demarches', 'offline_access', 'usager', 'instructeur'] },
    });
    expect(identity).toEqual({
      sub: 'u-1',
      email: 'usager@demo.demarches.fr',
      roles: ['instructeur', 'usager'],
    });
  });

  it('never grants the service role to a user token', () => {
    expect(
      identityFromClaims({ sub: 'u-1', email: 'a@b.fr', realm_access: { roles: ['service', 'usager'] } })
        ?.roles,
    ).toEqual(['usager']);
  });

  it('falls back to preferred_username when the token has no e-mail', () => {
    expect(identityFromClaims({ sub: 'u-1', preferred_username: 'agent@demo.fr' })?.email).toBe(
      'agent@demo.fr',
    );
  });

  it('carries the display name when present', () => {
    expect(identityFromClaims({ sub: 'u-1', email: 'a@b.fr', name: 'Camille Martin' })?.name).toBe(
      'Camille Martin',
    );
  });

  it('gives no roles when realm_access is missing or malformed', () => {
    expect(identityFromClaims({ sub: 'u-1', email: 'a@b.fr' })?.roles).toEqual([]);
    expect(
      identityFromClaims({ sub: 'u-1', email: 'a@b.fr', realm_access: { roles: 'usager' } })?.roles,
    ).toEqual([]);
    expect(identityFromClaims({ sub: 'u-1', email: 'a@b.fr', realm_access: null })?.roles).toEqual([]);
  });

  it('refuses a token that identifies nobody', () => {
    expect(identityFromClaims({ email: 'a@b.fr' })).toBeUndefined();
    expect(identityFromClaims({ sub: '', email: 'a@b.fr' })).toBeUndefined();
    expect(identityFromClaims({ sub: 'u-1' })).toBeUndefined();
    expect(identityFromClaims({ sub: 42, email: 'a@b.fr' })).toBeUndefined();
  });

  it('never grants agent roles to a FranceConnect sign-in, and says where the sign-in came from', () => {
    const identity = identityFromClaims({
      sub: 'u-1',
      email: 'agent@demo.fr',
      identity_provider: 'franceconnect',
      acr: 'eidas1',
      realm_access: { roles: ['usager', 'instructeur', 'administrateur', 'expert', 'platform-admin'] },
    });
    expect(identity).toMatchObject({ roles: ['usager'], idp: 'franceconnect', acr: 'eidas1' });
  });

  it('keeps agent roles for a Keycloak password sign-in', () => {
    const identity = identityFromClaims({
      sub: 'u-1',
      email: 'agent@demo.fr',
      realm_access: { roles: ['instructeur', 'platform-admin'] },
    });
    expect(identity?.roles).toEqual(['instructeur', 'platform-admin']);
    expect(identity?.idp).toBeUndefined();
  });
});
