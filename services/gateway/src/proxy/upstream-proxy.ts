import { OnApplicationShutdown } from '@nestjs/common';
import { Agent, IncomingMessage, request, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { GatewayException } from '../gateway.exception';
import { OVERRIDDEN_RESPONSE_HEADERS } from '../http/security-headers';
import { sendGatewayError } from './error-response';
import { clientResponseHeaders, ForwardContext, upstreamRequestHeaders } from './forwarded-headers';

export interface ProxyTarget {
  service: string;
  baseUrl: URL;
  /** Path and query on the service. */
  path: string;
}

export interface ProxyOutcome {
  /** Status sent to the client (the upstream's, or the gateway's own on failure). */
  status: number;
}

/**
 * Streams a request to a service and its response back, without buffering either body: exports and
 * attachments may be large, and memory must not grow with them. Resolves when the exchange is over; never
 * rejects (failures become 502/504 answers or an aborted response).
 */
export class UpstreamProxy implements OnApplicationShutdown {
  // Keep-alive towards the services: the gateway makes many short calls to a handful of hosts.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 });

  constructor(private readonly timeoutMs: number) {}

  forward(
    req: IncomingMessage,
    res: ServerResponse,
    target: ProxyTarget,
    context: ForwardContext,
  ): Promise<ProxyOutcome> {
    return new Promise((resolve) => {
      const finish = (status: number) => resolve({ status });
      const headers = upstreamRequestHeaders(req.headers, context);

      const upstream = request({
        agent: this.agent,
        protocol: target.baseUrl.protocol,
        hostname: target.baseUrl.hostname,
        port: target.baseUrl.port,
        method: req.method,
        path: joinPath(target.baseUrl, target.path),
        headers,
        timeout: this.timeoutMs,
      });

      upstream.on('response', (upstreamRes) => {
        res.writeHead(
          upstreamRes.statusCode ?? 502,
          clientResponseHeaders(upstreamRes.headers, OVERRIDDEN_RESPONSE_HEADERS),
        );
        pipeline(upstreamRes, res, () => finish(upstreamRes.statusCode ?? 502));
      });
      upstream.on('timeout', () => {
        upstream.destroy(new UpstreamTimeoutError());
      });
      upstream.on('error', (error) => {
        // 499 (nginx's "client closed request"): we aborted the upstream call because the client left.
        if (res.destroyed) return finish(499);
        const failure =
          error instanceof UpstreamTimeoutError
            ? GatewayException.upstreamTimeout(target.service)
            : GatewayException.upstreamUnavailable(target.service);
        sendGatewayError(res, failure);
        finish(failure.status);
      });
      // The client went away: stop the upstream work too (closes the socket, the service sees an abort).
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });

      req.pipe(upstream);
    });
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }
}

class UpstreamTimeoutError extends Error {
  override readonly name = 'UpstreamTimeoutError';
}

/** A base URL may carry a path prefix (a service mounted under /something behind an ingress). */
function joinPath(baseUrl: URL, path: string): string {
  const prefix = baseUrl.pathname.replace(/\/+$/, '');
  return `${prefix}${path}`;
}
