import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InjectConfig } from '@demarches/platform-config';
import type { GatewayConfig } from '../config';
import { applySecurityHeaders, securityHeaders } from './security-headers';

/** Sets the security headers first, so proxied answers, gateway errors and probes all carry them. */
@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  private readonly headers: Record<string, string>;

  constructor(@InjectConfig() config: Pick<GatewayConfig, 'HSTS_MAX_AGE_S'>) {
    this.headers = securityHeaders(config.HSTS_MAX_AGE_S);
  }

  use(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
    applySecurityHeaders(res, this.headers);
    next();
  }
}
