import { createHmac } from 'node:crypto';
import type { InternalIdentity } from './identity';
import { signInternalIdentity, verifyInternalIdentity } from './internal-token';

const SECRET = 'a-test-secret-of-at-least-thirty-two-chars';
const NOW = 1_800_000_000;

const usager: InternalIdentity = {
  sub: 'kc-usager',
  email: 'angela@exemple.fr',
  roles: ['usager'],
  idp: 'franceconnect',
  acr: 'eidas1',
  franceConnect: { givenName: 'Angela Claire Louise', familyName: 'DUBOIS', gender: 'female' },
};

/** A token signed with the right secret but with hand-made claims (what a buggy or older gateway could send). */
function signClaims(claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(
    JSON.stringify({
      iss: 'demarches-gateway',
      aud: 'demarches-services',
      iat: NOW,
      exp: NOW + 60,
      ...claims,
    }),
  ).toString('base64url');
  const signature = createHmac('sha256', SECRET).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

describe('FranceConnect pivot identity in the internal identity', () => {
  it('travels signed from the gateway to the services', () => {
    const token = signInternalIdentity(usager, SECRET, { now: NOW });
    expect(verifyInternalIdentity(token, SECRET, { now: NOW })).toEqual(usager);
  });

  it('is optional, and so is the gender', () => {
    const { franceConnect: _none, ...withoutPivot } = usager;
    expect(
      verifyInternalIdentity(signInternalIdentity(withoutPivot, SECRET, { now: NOW }), SECRET, { now: NOW }),
    ).not.toHaveProperty('franceConnect');
    const noGender = { ...usager, franceConnect: { givenName: 'Jean Pierre', familyName: 'MARTIN' } };
    expect(
      verifyInternalIdentity(signInternalIdentity(noGender, SECRET, { now: NOW }), SECRET, { now: NOW })
        .franceConnect,
    ).toEqual({ givenName: 'Jean Pierre', familyName: 'MARTIN' });
  });

  it('cannot be added to a token signed without it', () => {
    const token = signInternalIdentity({ ...usager, franceConnect: undefined }, SECRET, { now: NOW });
    const [header, body, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, franceConnect: { givenName: 'X', familyName: 'Y' } }),
    ).toString('base64url');
    expect(() => verifyInternalIdentity(`${header}.${forged}.${signature}`, SECRET, { now: NOW })).toThrow();
  });

  it('refuses a malformed pivot (empty name, unknown field)', () => {
    const base = { sub: 's', email: 'e@x.fr', roles: ['usager'] };
    expect(() =>
      verifyInternalIdentity(
        signClaims({ ...base, franceConnect: { givenName: '', familyName: 'Y' } }),
        SECRET,
        {
          now: NOW,
        },
      ),
    ).toThrow();
    expect(() =>
      verifyInternalIdentity(
        signClaims({ ...base, franceConnect: { givenName: 'X', familyName: 'Y', birthdate: '1962-08-24' } }),
        SECRET,
        { now: NOW },
      ),
    ).toThrow();
  });
});
