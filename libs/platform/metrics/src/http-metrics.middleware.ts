import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MetricsRegistry } from './metrics-registry';

// Express sets req.route when a handler matched; its path is the template (/dossiers/:id), which keeps the
// label cardinality bounded, unlike the raw URL.
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** Observes every HTTP request once it is finished, so the status is the one the client actually got. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const stop = this.metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      stop({
        method: req.method ?? 'UNKNOWN',
        route: routeOf(req as RoutedRequest),
        status: String(res.statusCode),
      });
    });
    next();
  }
}

function routeOf(req: RoutedRequest): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${req.baseUrl ?? ''}${path}`;
}
