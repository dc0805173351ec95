import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { INTERNAL_IDENTITY_HEADER, signInternalIdentity } from '@demarches/platform-auth';
import { InjectConfig } from '@demarches/platform-config';
import {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  resolveRequestCorrelation,
} from '@demarches/platform-logging';
import { Histogram, MetricsRegistry } from '@demarches/platform-metrics';
import type { GatewayConfig } from '../config';
import { GatewayException } from '../gateway.exception';
import { sendGatewayError } from '../proxy/error-response';
import { UpstreamProxy } from '../proxy/upstream-proxy';
import { isSafePath, matchRoute, UpstreamService } from '../routing/routes';
import { AuthenticateRequestUseCase } from '../use-cases/authenticate-request/authenticate-request.use-case';
import { EnforceRateLimitUseCase } from '../use-cases/enforce-rate-limit/enforce-rate-limit.use-case';

type ExpressLikeRequest = IncomingMessage & { originalUrl?: string; ip?: string };

/**
 * Everything under /api: route, authenticate, rate-limit, then stream to the service with the signed identity.
 * A middleware rather than a controller so Nest's routing never touches the request or its body.
 */
@Injectable()
export class GatewayProxyMiddleware implements NestMiddleware {
  private readonly logger = new Logger('GatewayProxy');
  private readonly upstreams: Record<UpstreamService, URL>;
  private readonly upstreamDuration: Histogram<'service' | 'status'>;

  constructor(
    @InjectConfig() private readonly config: GatewayConfig,
    private readonly authenticate: AuthenticateRequestUseCase,
    private readonly rateLimit: EnforceRateLimitUseCase,
    private readonly proxy: UpstreamProxy,
    metrics: MetricsRegistry,
  ) {
    this.upstreams = {
      identity: new URL(config.IDENTITY_URL),
      'form-builder': new URL(config.FORM_BUILDER_URL),
      dossier: new URL(config.DOSSIER_URL),
      instruction: new URL(config.INSTRUCTION_URL),
      messaging: new URL(config.MESSAGING_URL),
      export: new URL(config.EXPORT_URL),
      geo: new URL(config.GEO_URL),
    };
    // The platform's HTTP histogram cannot name a route for proxied calls; this one names the service.
    this.upstreamDuration = metrics.histogram(
      'gateway_upstream_request_duration_seconds',
      'Duration of requests forwarded to a service, until the response is fully sent',
      ['service', 'status'],
    );
  }

  use(req: ExpressLikeRequest, res: ServerResponse, next: (error?: unknown) => void): void {
    this.handle(req, res).catch(next);
  }

  private async handle(req: ExpressLikeRequest, res: ServerResponse): Promise<void> {
    const url = req.originalUrl ?? req.url ?? '/';
    const method = req.method ?? 'GET';
    const pathname = url.split('?')[0] ?? url;
    if (!isSafePath(pathname)) return sendGatewayError(res, GatewayException.invalidPath());
    const route = matchRoute(method, url);
    if (!route) return sendGatewayError(res, GatewayException.routeNotFound());

    const clientIp = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let identity;
    try {
      if (route.account) await this.rateLimit.beforeAuthentication(clientIp);
      identity = await this.authenticate.execute({
        authorization: req.headers.authorization,
        isPublic: route.isPublic,
        clientIp,
      });
      await this.rateLimit.execute({ identity, clientIp });
    } catch (error: unknown) {
      if (error instanceof GatewayException) return sendGatewayError(res, error);
      throw error;
    }

    const { requestId, correlationId } = resolveRequestCorrelation(req, res);
    const added: Record<string, string> = {
      [REQUEST_ID_HEADER]: requestId,
      [CORRELATION_ID_HEADER]: correlationId,
    };
    if (identity)
      added[INTERNAL_IDENTITY_HEADER] = signInternalIdentity(identity, this.config.INTERNAL_TOKEN_SECRET);

    const stop = this.upstreamDuration.startTimer({ service: route.service });
    const outcome = await this.proxy.forward(
      req,
      res,
      { service: route.service, baseUrl: this.upstreams[route.service], path: route.upstreamPath },
      { clientIp, originalHost: req.headers.host, added },
    );
    stop({ status: String(outcome.status) });
    if (outcome.status === 502 || outcome.status === 504)
      this.logger.warn({ upstream: route.service, status: outcome.status }, 'upstream call failed');
  }
}
