import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationContext } from './correlation-context';
import { resolveRequestCorrelation } from './request-correlation';

/** Runs the rest of the request inside the correlation context, so handlers and their logs see the ids. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const { correlationId, requestId } = resolveRequestCorrelation(req, res);
    correlationContext.run(correlationId, () => next(), requestId);
  }
}
