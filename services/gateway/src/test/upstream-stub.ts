import { createHash } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodySha256: string;
  bodyLength: number;
  body: string;
}

/** A throwaway service standing in for identity/geo/dossier: records what the gateway forwarded and answers. */
export class UpstreamStub {
  readonly received: ReceivedRequest[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let length = 0;
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        length += chunk.length;
        if (length <= 64 * 1024) chunks.push(chunk);
      });
      req.on('end', () => {
        const record = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          bodySha256: hash.digest('hex'),
          bodyLength: length,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(record);
        res
          .writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'stub' })
          .end(JSON.stringify({ ok: true, url: record.url }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  last(): ReceivedRequest | undefined {
    return this.received[this.received.length - 1];
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
