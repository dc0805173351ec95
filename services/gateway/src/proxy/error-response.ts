import type { ServerResponse } from 'node:http';
import { errorBody } from '@demarches/platform-errors';
import { GatewayErrorCode, GatewayException } from '../gateway.exception';

/** Writes the standard error body on a raw response; once streaming has begun the only option is to abort. */
export function sendGatewayError(res: ServerResponse, error: GatewayException): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(errorBody(error));
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  };
  if (error.code === GatewayErrorCode.RateLimited && typeof error.details?.retryAfterS === 'number')
    headers['retry-after'] = error.details.retryAfterS;
  if (error.code === GatewayErrorCode.Unauthenticated)
    headers['www-authenticate'] = 'Bearer realm="demarches"';
  res.writeHead(error.status, headers).end(body);
}
