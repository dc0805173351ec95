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

  it('drops agent roles from a client the deployment lists as skipping the second factor, and only there', () => {
    const production = { clientsWithoutAgentRoles: ['demarches-cli'] };
    const claims = { sub: 'u-1', email: 'agent@demo.fr', realm_access: { roles: ['usager', 'instructeur'] } };
    expect(identityFromClaims({ ...claims, azp: 'demarches-cli' }, production)?.roles).toEqual(['usager']);
    expect(identityFromClaims({ ...claims, azp: 'demarches-web' }, production)?.roles).toEqual([
      'instructeur',
      'usager',
    ]);
    expect(identityFromClaims({ ...claims, azp: 'demarches-cli' })?.roles).toEqual(['instructeur', 'usager']);
  });

  describe('FranceConnect pivot identity', () => {
    const franceConnect = {
      sub: 'u-fc',
      email: 'angela@exemple.fr',
      identity_provider: 'franceconnect',
      realm_access: { roles: ['usager'] },
    };

    it('carries the pivot identity FranceConnect gave, not the names edited in the profile since', () => {
      const identity = identityFromClaims({
        ...franceConnect,
        fc_given_name: 'Angela Claire Louise',
        fc_family_name: 'DUBOIS',
        given_name: 'Angie',
        family_name: 'Durand',
        gender: 'female',
      });
      expect(identity?.franceConnect).toEqual({
        givenName: 'Angela Claire Louise',
        familyName: 'DUBOIS',
        gender: 'female',
      });
    });

    it('falls back on given_name/family_name and drops an unknown gender', () => {
      const identity = identityFromClaims({
        ...franceConnect,
        given_name: ' Jean Pierre ',
        family_name: 'MARTIN',
        gender: 'unspecified',
      });
      expect(identity?.franceConnect).toEqual({ givenName: 'Jean Pierre', familyName: 'MARTIN' });
    });

    it('offers nothing without both names', () => {
      expect(identityFromClaims({ ...franceConnect, fc_given_name: 'Fatou' })?.franceConnect).toBeUndefined();
      expect(
        identityFromClaims({ ...franceConnect, fc_given_name: '  ', fc_family_name: 'DIOP' })?.franceConnect,
      ).toBeUndefined();
      expect(
        identityFromClaims({ ...franceConnect, fc_given_name: 42, fc_family_name: 'DIOP' })?.franceConnect,
      ).toBeUndefined();
    });

    it('is never taken from a sign-in that did not go through FranceConnect', () => {
      const identity = identityFromClaims({
        sub: 'u-1',
        email: 'usager@demo.demarches.fr',
        realm_access: { roles: ['usager'] },
        fc_given_name: 'Angela',
        fc_family_name: 'DUBOIS',
        given_name: 'Angela',
        family_name: 'DUBOIS',
      });
      expect(identity).not.toHaveProperty('franceConnect');
    });
  });
});
