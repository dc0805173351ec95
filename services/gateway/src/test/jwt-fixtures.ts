import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, generateKeyPairSync, KeyObject, sign } from 'node:crypto';

/** An OpenID provider's signing side, for tokens Keycloak cannot produce on demand (expired, wrong audience). */
export class LocalIssuer {
  kid = 'test-key-1';
  private privateKey: KeyObject;
  private publicKey: KeyObject;
  private server?: Server;
  url = '';
  /** How many times the JWKS was fetched: shows the verifier's cache and its refetch on an unknown kid. */
  jwksFetches = 0;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** Key rotation: a new key under a new kid; the JWKS then publishes only the new key. */
  rotate(kid: string): void {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.kid = kid;
  }

  /** Serves the JWKS at `<url>/jwks`. */
  async start(): Promise<void> {
    this.server = createServer((_req, res) => {
      this.jwksFetches += 1;
      const jwk = { ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  sign(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    return signRs256(claims, this.privateKey, { kid: this.kid, ...header });
  }

  /** HS256 signed with the public key's PEM as the secret: the classic algorithm-confusion attack. */
  signHs256WithPublicKey(claims: Record<string, unknown>): string {
    const secret = this.publicKey.export({ format: 'pem', type: 'spki' });
    const input = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: this.kid }))}.${b64(JSON.stringify(claims))}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function signRs256(
  claims: Record<string, unknown>,
  privateKey: KeyObject,
  header: Record<string, unknown>,
): string {
  const input = `${b64(JSON.stringify({ alg: 'RS256', typ: 'JWT', ...header }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** A token signed by a key nobody trusts, under the real issuer's key id. */
export function forge(claims: Record<string, unknown>, kid: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signRs256(claims, privateKey, { kid });
}

export function unsigned(claims: Record<string, unknown>): string {
  return `${b64(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}.`;
}

export function decodeJwtPart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
