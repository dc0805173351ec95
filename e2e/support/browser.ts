// A minimal browser for sign-in flows: follows redirects by hand with a cookie jar, reads forms out of the HTML
// (Keycloak's login theme, the FranceConnect stand-in) and submits them, as a user's browser would.

interface StoredCookie {
  value: string;
  domain: string;
  path: string;
  expiresAt?: number;
}

/** Cookies by host (no Domain-attribute widening: every server of these flows is on 127.0.0.1). */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  store(url: URL, setCookie: string[]): void {
    for (const header of setCookie) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = '/';
      let expiresAt: number | undefined;
      for (const attribute of attributes) {
        const [key, ...rest] = attribute.trim().split('=');
        const attrValue = rest.join('=');
        if (key?.toLowerCase() === 'path' && attrValue) path = attrValue;
        if (key?.toLowerCase() === 'max-age') expiresAt = Date.now() + Number(attrValue) * 1000;
        if (key?.toLowerCase() === 'expires' && expiresAt === undefined) expiresAt = Date.parse(attrValue);
      }
      const id = `${url.hostname}|${path}|${name}`;
      if (expiresAt !== undefined && expiresAt <= Date.now()) this.cookies.delete(id);
      else this.cookies.set(id, { value, domain: url.hostname, path, ...(expiresAt ? { expiresAt } : {}) });
    }
  }

  header(url: URL): string {
    const now = Date.now();
    return [...this.cookies.entries()]
      .filter(
        ([, c]) =>
          c.domain === url.hostname && url.pathname.startsWith(c.path) && (!c.expiresAt || c.expiresAt > now),
      )
      .map(([id, c]) => `${id.split('|')[2]}=${c.value}`)
      .join('; ');
  }

  clear(): void {
    this.cookies.clear();
  }
}

export interface Page {
  url: string;
  status: number;
  html: string;
}

export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export function decodeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+|#39);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? decodeHtml(match[2] ?? match[3] ?? '') : undefined;
}

/** The forms of a page with their action, method and pre-filled fields (inputs with a value, checked radios). */
export function formsOf(page: Page): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of page.html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const openTag = /<form\b[^>]*>/i.exec(match[0])?.[0] ?? '<form>';
    const fields: Record<string, string> = {};
    for (const input of (match[1] ?? '').matchAll(/<(input|button)\b[^>]*>/gi)) {
      const tag = input[0];
      const name = attribute(tag, 'name');
      if (!name) continue;
      const type = (attribute(tag, 'type') ?? 'text').toLowerCase();
      if (input[1]?.toLowerCase() === 'button' || type === 'submit') continue;
      if ((type === 'radio' || type === 'checkbox') && !/\schecked\b/i.test(tag)) continue;
      fields[name] = attribute(tag, 'value') ?? '';
    }
    const action = attribute(openTag, 'action') ?? page.url;
    forms.push({
      action: new URL(action, page.url).toString(),
      method: (attribute(openTag, 'method') ?? 'GET').toUpperCase(),
      fields,
    });
  }
  return forms;
}

/** The visible text of a page, for assertions on messages (tags removed, entities decoded, spaces collapsed). */
export function textOf(page: Page): string {
  return decodeHtml(
    page.html
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export class Browser {
  readonly jar = new CookieJar();

  /**
   * Loads `url` and follows redirects. Stops at the first redirect whose target starts with `stopAt` (the client
   * application's redirect URI, which nothing listens on): that page's `url` is the redirect target.
   */
  async open(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    stopAt?: string,
  ): Promise<Page> {
    let current = new URL(url);
    let method = init.method ?? 'GET';
    let body: URLSearchParams | undefined = init.form ? new URLSearchParams(init.form) : undefined;
    for (let hop = 0; hop < 20; hop++) {
      const response = await fetch(current, {
        method,
        redirect: 'manual',
        headers: {
          accept: 'text/html,application/xhtml+xml',
          'accept-language': 'fr',
          ...(this.jar.header(current) ? { cookie: this.jar.header(current) } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      this.jar.store(current, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current);
        await response.arrayBuffer();
        if (stopAt && next.toString().startsWith(stopAt))
          return { url: next.toString(), status: response.status, html: '' };
        current = next;
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: current.toString(), status: response.status, html: await response.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the form whose action matches `match` (the first form when omitted), overriding some fields. */
  async submit(
    page: Page,
    fields: Record<string, string>,
    { match, stopAt }: { match?: RegExp; stopAt?: string } = {},
  ): Promise<Page> {
    const forms = formsOf(page);
    const form = match ? forms.find((f) => match.test(f.action)) : forms[0];
    if (!form)
      throw new Error(
        `no form${match ? ` matching ${match}` : ''} on ${page.url}:\n${textOf(page).slice(0, 600)}`,
      );
    const values = { ...form.fields, ...fields };
    if (form.method === 'GET') {
      const target = new URL(form.action);
      for (const [k, v] of Object.entries(values)) target.searchParams.set(k, v);
      return this.open(target.toString(), {}, stopAt);
    }
    return this.open(form.action, { method: 'POST', form: values }, stopAt);
  }
}
