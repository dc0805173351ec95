import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the fake behaves for the next requests: `ok` answers normally, `slow` answers normally after `delayMs`
 * (to trip client timeouts), `error500`/`error503` answer that status, `close` destroys the connection without a
 * response (a crashed upstream or a reset by a proxy).
 */
export type FakeMode = 'ok' | 'slow' | 'error500' | 'error503' | 'close';

export interface FakeAnswer {
  status: number;
  body: unknown;
}

/**
 * A node:http server on a free loopback port, for integration tests of HTTP adapters. Subclasses only map a
 * request URL to a canned answer; the failure switches and the request log are shared.
 */
export abstract class FakeHttpServer {
  mode: FakeMode = 'ok';
  delayMs = 0;
  /** Every request received, in order (path and query), whatever the mode. */
  readonly requests: URL[] = [];
  private server?: Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  get requestCount(): number {
    return this.requests.length;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('fake server not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<string> {
    // Geometries travel in the query string: allow long request lines as API Carto's proxy does.
    const server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => this.onRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** Back to a healthy fake with an empty request log, between tests. */
  reset(): void {
    this.mode = 'ok';
    this.delayMs = 0;
    this.requests.length = 0;
  }

  protected abstract answer(url: URL): FakeAnswer;

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    this.requests.push(url);
    switch (this.mode) {
      case 'close':
        req.socket.destroy();
        return;
      case 'error500':
        return send(res, { status: 500, body: { code: 500, message: 'Internal Server Error' } });
      case 'error503':
        return send(res, { status: 503, body: { code: 503, message: 'Service Unavailable' } });
      case 'slow': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!res.destroyed) send(res, this.answer(url));
        }, this.delayMs);
        this.timers.add(timer);
        return;
      }
      case 'ok':
        return send(res, this.answer(url));
    }
  }
}

function send(res: ServerResponse, { status, body }: FakeAnswer): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
