import { createHmac } from 'node:crypto';
import { AuthErrorCode } from './auth.errors';
import { InternalIdentity } from './identity';
import { signInternalIdentity, verifyInternalIdentity } from './internal-token';

const SECRET = 'a-very-long-internal-token-secret-0123456789';
const OTHER_SECRET = 'another-long-internal-token-secret-987654321';
const alice: InternalIdentity = {
  sub: 'kc-123',
  email: 'alice@example.fr',
  roles: ['instructeur'],
  name: 'Alice Martin',
};
const NOW = 1_800_000_000;

function expectUnauthenticated(fn: () => unknown): void {
  expect(fn).toThrow(
    expect.objectContaining({ code: AuthErrorCode.Unauthenticated, kind: 'unauthenticated' }),
  );
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('internal identity token', () => {
  it('carries the identity from the gateway to a service', () => {
    const token = signInternalIdentity(alice, SECRET, { now: NOW });
    expect(verifyInternalIdentity(token, SECRET, { now: NOW + 30 })).toEqual(alice);
  });

  it('refuses a token signed with another secret', () => {
    const token = signInternalIdentity(alice, OTHER_SECRET, { now: NOW });
    expectUnauthenticated(() => verifyInternalIdentity(token, SECRET, { now: NOW }));
  });

  it('refuses a token whose claims were changed after signing (role escalation)', () => {
    const [header, claims, signature] = signInternalIdentity(alice, SECRET, { now: NOW }).split('.') as [
      string,
      string,
      string,
    ];
    const escalated = {
      ...(JSON.parse(Buffer.from(claims, 'base64url').toString()) as object),
      roles: ['administrateur'],
    };
    expectUnauthenticated(() =>
      verifyInternalIdentity(`${header}.${b64(escalated)}.${signature}`, SECRET, { now: NOW }),
    );
  });

  it('refuses an unsigned alg=none token', () => {
    const claims = {
      iss: 'demarches-gateway',
      aud: 'demarches-services',
      iat: NOW,
      exp: NOW + 60,
      sub: 'x',
      email: 'x@x.fr',
      roles: ['administrateur'],
    };
    expectUnauthenticated(() =>
      verifyInternalIdentity(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, SECRET, { now: NOW }),
    );
  });

  it('refuses a token expired for longer than the clock tolerance', () => {
    const token = signInternalIdentity(alice, SECRET, { now: NOW });
    expect(verifyInternalIdentity(token, SECRET, { now: NOW + 64 })).toEqual(alice);
    expectUnauthenticated(() => verifyInternalIdentity(token, SECRET, { now: NOW + 66 }));
  });

  it('refuses a token issued in the future', () => {
    const token = signInternalIdentity(alice, SECRET, { now: NOW + 600 });
    expectUnauthenticated(() => verifyInternalIdentity(token, SECRET, { now: NOW }));
  });

  it('refuses a correctly signed token meant for someone else (issuer or audience)', () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const claims = b64({
      iss: 'someone-else',
      aud: 'demarches-services',
      iat: NOW,
      exp: NOW + 60,
      sub: 'x',
      email: 'x@x.fr',
      roles: [],
    });
    const signature = createHmac('sha256', SECRET).update(`${header}.${claims}`).digest('base64url');
    expectUnauthenticated(() =>
      verifyInternalIdentity(`${header}.${claims}.${signature}`, SECRET, { now: NOW }),
    );
  });

  it('refuses garbage and unknown roles', () => {
    expectUnauthenticated(() => verifyInternalIdentity('not-a-token', SECRET));
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const claims = b64({
      iss: 'demarches-gateway',
      aud: 'demarches-services',
      iat: NOW,
      exp: NOW + 60,
      sub: 'x',
      email: 'x@x.fr',
      roles: ['superuser'],
    });
    const signature = createHmac('sha256', SECRET).update(`${header}.${claims}`).digest('base64url');
    expectUnauthenticated(() =>
      verifyInternalIdentity(`${header}.${claims}.${signature}`, SECRET, { now: NOW }),
    );
  });

  it('will not sign or verify with a short secret', () => {
    expect(() => signInternalIdentity(alice, 'short')).toThrow(/at least 32/);
    expect(() => verifyInternalIdentity('a.b.c', 'short')).toThrow(/at least 32/);
  });
});
