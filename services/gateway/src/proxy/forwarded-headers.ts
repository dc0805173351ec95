import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1 connection-specific headers: they describe one hop and must not be forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Headers never passed to a service: the user's bearer token stays at the edge (services trust only the signed
 * identity) and an incoming x-demarches-identity would be a forgery attempt. `host` is set for the upstream.
 */
const STRIPPED_REQUEST_HEADERS = new Set([
  'host',
  'authorization',
  'x-demarches-identity',
  'x-forwarded-host',
  'x-forwarded-proto',
]);

function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection;
  return new Set(
    (value ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token.length > 0),
  );
}

export interface ForwardContext {
  clientIp: string;
  originalHost: string | undefined;
  /** Headers the gateway adds: correlation ids and the signed identity. */
  added: Record<string, string>;
}

export function upstreamRequestHeaders(
  headers: IncomingHttpHeaders,
  context: ForwardContext,
): OutgoingHttpHeaders {
  const listedInConnection = connectionTokens(headers);
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (
      value === undefined ||
      HOP_BY_HOP.has(name) ||
      listedInConnection.has(name) ||
      STRIPPED_REQUEST_HEADERS.has(name)
    )
      continue;
    result[name] = value;
  }
  const previousFor = typeof headers['x-forwarded-for'] === 'string' ? `${headers['x-forwarded-for']}, ` : '';
  result['x-forwarded-for'] = `${previousFor}${context.clientIp}`;
  result['x-forwarded-proto'] = 'http';
  if (context.originalHost !== undefined) result['x-forwarded-host'] = context.originalHost;
  return { ...result, ...context.added };
}

/** A service's answer as the client gets it: hop-by-hop headers and those the gateway sets itself removed. */
export function clientResponseHeaders(
  headers: IncomingHttpHeaders,
  gatewayOwned: ReadonlySet<string> = new Set(),
): OutgoingHttpHeaders {
  const listedInConnection = connectionTokens(headers);
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listedInConnection.has(name) || gatewayOwned.has(name))
      continue;
    result[name] = value;
  }
  return result;
}
