import type { ServerResponse } from 'node:http';

/**
 * Headers on every gateway answer (proxied, gateway errors, probes). The gateway serves JSON and files only, so
 * the policy forbids everything a browser could do with a response: no scripts, styles, frames or plugins, and
 * no page may frame it. Services cannot loosen it: their own values are overwritten.
 */
export function securityHeaders(hstsMaxAgeS: number): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'strict-transport-security': `max-age=${hstsMaxAgeS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-site',
  };
}

/** Headers a service must not choose for the public: the gateway's policy wins, and the stack stays unnamed. */
export const OVERRIDDEN_RESPONSE_HEADERS = new Set([
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'x-powered-by',
]);

export function applySecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  res.removeHeader('x-powered-by');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
