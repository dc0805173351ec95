// Calls a service the way the gateway does: with a signed internal identity, or none for public routes.
import { signInternalIdentity, type InternalIdentity } from '@demarches/platform-auth';
import { TEST_INTERNAL_TOKEN_SECRET } from './service-env';

/** Response bodies are checked with Jest matchers, which do the narrowing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = Record<string, any>;

export interface ServiceResponse {
  status: number;
  body: JsonBody;
}

export type ServiceCaller = (
  identity: InternalIdentity | null,
  method: string,
  path: string,
  body?: unknown,
) => Promise<ServiceResponse>;

export function internalHttpClient(baseUrl: string, secret = TEST_INTERNAL_TOKEN_SECRET): ServiceCaller {
  return async (identity, method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(identity ? { 'x-demarches-identity': signInternalIdentity(identity, secret) } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as JsonBody };
  };
}
