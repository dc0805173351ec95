// The web front-end's side of OpenID Connect against the local Keycloak: authorization code + PKCE (S256) on the
// public client demarches-web, driven through a Browser (cookie jar, real redirects and forms).
import { createHash, randomBytes } from 'node:crypto';
import { Browser, Page } from './browser';

export const KEYCLOAK_URL = process.env.E2E_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
export const REALM_URL = `${KEYCLOAK_URL}/realms/demarches`;
export const WEB_CLIENT = 'demarches-web';
/** Registered for demarches-web (http://127.0.0.1:3000/*); nothing needs to listen there, the browser stops. */
export const WEB_REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';

const base64url = (buffer: Buffer) => buffer.toString('base64url');

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
}

/** One sign-in attempt: the authorization request it started with, and the code once Keycloak sends it back. */
export class AuthorizationCodeFlow {
  readonly verifier = base64url(randomBytes(32));
  readonly state = base64url(randomBytes(16));
  readonly nonce = base64url(randomBytes(16));

  constructor(
    readonly browser: Browser = new Browser(),
    private readonly extra: Record<string, string> = {},
  ) {}

  get authorizationUrl(): string {
    const url = new URL(`${REALM_URL}/protocol/openid-connect/auth`);
    url.search = new URLSearchParams({
      client_id: WEB_CLIENT,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: WEB_REDIRECT_URI,
      state: this.state,
      nonce: this.nonce,
      code_challenge: base64url(createHash('sha256').update(this.verifier).digest()),
      code_challenge_method: 'S256',
      ...this.extra,
    }).toString();
    return url.toString();
  }

  /** Opens the authorization endpoint; the page is Keycloak's (or the IdP's) first form, or the callback. */
  start(): Promise<Page> {
    return this.browser.open(this.authorizationUrl, {}, WEB_REDIRECT_URI);
  }

  submit(page: Page, fields: Record<string, string>, match?: RegExp): Promise<Page> {
    return this.browser.submit(page, fields, { stopAt: WEB_REDIRECT_URI, ...(match ? { match } : {}) });
  }

  /** The code of a page that reached the callback; throws with the page text otherwise. */
  codeOf(page: Page): string {
    if (!page.url.startsWith(WEB_REDIRECT_URI)) throw new Error(`not at the callback: ${page.url}`);
    const params = new URL(page.url).searchParams;
    if (params.get('state') !== this.state) throw new Error('state mismatch');
    const code = params.get('code');
    if (!code) throw new Error(`no code: ${params.get('error')} ${params.get('error_description')}`);
    return code;
  }

  async exchange(page: Page): Promise<Tokens> {
    const response = await fetch(`${REALM_URL}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: WEB_CLIENT,
        code: this.codeOf(page),
        redirect_uri: WEB_REDIRECT_URI,
        code_verifier: this.verifier,
      }),
    });
    if (!response.ok) throw new Error(`token endpoint: ${response.status} ${await response.text()}`);
    return (await response.json()) as Tokens;
  }
}

/** The payload of a JWT, unverified (the gateway is the one that verifies). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
