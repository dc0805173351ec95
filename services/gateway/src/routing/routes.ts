/** Internal services the gateway forwards to; each has its `<NAME>_URL` in the config. */
export type UpstreamService =
  'identity' | 'form-builder' | 'dossier' | 'instruction' | 'messaging' | 'export' | 'geo';

export interface Route {
  /** Matched against the pathname (no query string), with the `/api` prefix. */
  pattern: RegExp;
  service: UpstreamService;
  /** Requests allowed without a user token: GET of public pages and reference data. */
  isPublic?: (method: string, pathname: string) => boolean;
  /** Sign-in and account routes: rate-limited per client IP with the account budget (25 per 15 s). */
  account?: boolean;
}

export interface RouteMatch {
  service: UpstreamService;
  /** Path and query as the service sees them: the `/api` prefix removed. */
  upstreamPath: string;
  isPublic: boolean;
  account: boolean;
}

const API_PREFIX = '/api';

/** `/api/<segment>` itself or anything under it, but not `/api/<segment>xyz`. */
const under = (segment: string): RegExp => new RegExp(`^${API_PREFIX}/${segment}(/|$)`);

const isGet = (method: string): boolean => method === 'GET' || method === 'HEAD';

/**
 * The routing table, first match wins: messages of a dossier belong to messaging, so that entry precedes the
 * general /dossiers one.
 */
export const ROUTES: readonly Route[] = [
  // The caller's account: profile, API tokens (/api/me/api-tokens)…
  { pattern: under('me'), service: 'identity', account: true },
  // Platform administration (roles, agent invitations, audit trail): identity checks platform-admin itself.
  { pattern: under('admin'), service: 'identity', account: true },
  // A published démarche's logo, notice and cadre juridique document are downloadable by anyone (form-builder
  // decides: published, or its administrateurs); everything else of form-builder needs a user.
  {
    pattern: under('demarches'),
    service: 'form-builder',
    isPublic: (method, pathname) =>
      isGet(method) && /^\/api\/demarches\/[^/]+\/fichiers\/(logo|notice|cadre_juridique)$/.test(pathname),
  },
  // The démarche's start page (/commencer/<slug>) is readable by anyone; starting a dossier is not.
  {
    pattern: under('commencer'),
    service: 'dossier',
    isPublic: (method, pathname) => isGet(method) && /^\/api\/commencer\/[^/]+$/.test(pathname),
  },
  { pattern: /^\/api\/dossiers\/[^/]+\/messages(\/|$)/, service: 'messaging' },
  { pattern: under('dossiers'), service: 'dossier' },
  { pattern: under('instructeur'), service: 'instruction' },
  { pattern: under('exports'), service: 'export' },
  // Communes and other reference data are public.
  { pattern: under('geo'), service: 'geo', isPublic: (method) => isGet(method) },
];

// Dot segments and encoded separators could make a service resolve a different path than the one routed
// and authorised here; no legitimate client sends them.
const UNSAFE_PATH = /(^|\/)\.{1,2}(\/|$)|%2f|%5c|%2e|\\|\/\//i;

export function isSafePath(pathname: string): boolean {
  return !UNSAFE_PATH.test(pathname);
}

/** The route for `url` (path and query) or undefined when no service serves it. */
export function matchRoute(
  method: string,
  url: string,
  routes: readonly Route[] = ROUTES,
): RouteMatch | undefined {
  const queryStart = url.indexOf('?');
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const route = routes.find((candidate) => candidate.pattern.test(pathname));
  if (!route) return undefined;
  return {
    service: route.service,
    upstreamPath: url.slice(API_PREFIX.length),
    isPublic: route.isPublic?.(method.toUpperCase(), pathname) ?? false,
    account: route.account ?? false,
  };
}
