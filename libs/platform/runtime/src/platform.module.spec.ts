import { Controller, DynamicModule, Get, INestApplication, Inject, Module, Post, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { INTERNAL_IDENTITY_HEADER, signInternalIdentity } from '@demarches/platform-auth';
import { APP_CONFIG, ConfigError } from '@demarches/platform-config';
import { DomainError } from '@demarches/platform-errors';
import { MetricsServer } from '@demarches/platform-metrics';
import { bootstrapService, createServiceApp } from './bootstrap-service';
import { PlatformModule } from './platform.module';
import { RuntimeConfig } from './runtime-config';

const config: RuntimeConfig = {
  SERVICE_NAME: 'dossier',
  HTTP_PORT: 0,
  METRICS_PORT: 0,
  LOG_LEVEL: 'silent',
  SHUTDOWN_TIMEOUT_MS: 1000,
  HTTP_BODY_LIMIT: '1kb',
  INTERNAL_TOKEN_SECRET: 'a-very-long-internal-token-secret-0123456789',
};

@Controller('dossiers')
class DossierController {
  constructor(@Inject(APP_CONFIG) private readonly appConfig: RuntimeConfig) {}

  @Get('missing')
  missing(): never {
    throw new DomainError('DOSSIER_NOT_FOUND', 'not_found', 'Dossier introuvable.');
  }

  @Get('service')
  service(): { service: string } {
    return { service: this.appConfig.SERVICE_NAME };
  }
}

@Controller('raw')
class RawBodyController {
  /** What a proxy sees: whether a parser already consumed the body, and the bytes left in the stream. */
  @Post()
  async read(@Req() req: IncomingMessage & { body?: unknown }): Promise<{ parsed: boolean; text: string }> {
    const chunks: Buffer[] = [];
    if (!req.readableEnded) for await (const chunk of req) chunks.push(chunk as Buffer);
    return { parsed: req.body !== undefined, text: Buffer.concat(chunks).toString('utf8') };
  }
}

@Module({})
class AppModule {
  static forRoot(c: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config: c })],
      controllers: [DossierController, RawBodyController],
    };
  }
}

describe(PlatformModule.name, () => {
  let app: INestApplication;
  let baseUrl: string;
  const identity = {
    [INTERNAL_IDENTITY_HEADER]: signInternalIdentity(
      { sub: 'u1', email: 'u@example.fr', roles: ['usager'] },
      config.INTERNAL_TOKEN_SECRET ?? '',
    ),
  };

  beforeAll(async () => {
    app = await createServiceApp({ module: AppModule.forRoot(config), config });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());

  it('serves the probes without identity', async () => {
    expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: {} });
  });

  it('closes every other route to callers without the gateway identity', async () => {
    const res = await fetch(`${baseUrl}/dossiers/service`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('injects the typed config and maps domain errors', async () => {
    const ok = await fetch(`${baseUrl}/dossiers/service`, { headers: identity });
    expect(await ok.json()).toEqual({ service: 'dossier' });
    const missing = await fetch(`${baseUrl}/dossiers/missing`, { headers: identity });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'DOSSIER_NOT_FOUND', message: 'Dossier introuvable.' },
    });
  });

  it('refuses bodies over the configured limit with the standard error body', async () => {
    const res = await fetch(`${baseUrl}/dossiers/service`, {
      method: 'POST',
      headers: { ...identity, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'HTTP_413' } });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await fetch(`${baseUrl}/dossiers/service`, {
      method: 'POST',
      headers: { ...identity, 'content-type': 'application/json' },
      body: '{',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'HTTP_400' } });
  });

  it('starts the metrics server with the app', async () => {
    const port = app.get(MetricsServer).port();
    expect(port).toBeGreaterThan(0);
    expect(await (await fetch(`http://127.0.0.1:${port ?? 0}/metrics`)).text()).toContain(
      'service="dossier"',
    );
  });

  it('refuses to build a service with internal auth but no secret', () => {
    expect(() => PlatformModule.forRoot({ config: { ...config, INTERNAL_TOKEN_SECRET: undefined } })).toThrow(
      /INTERNAL_TOKEN_SECRET/,
    );
  });
});

describe('createServiceApp with bodyParser: false', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createServiceApp({ module: AppModule.forRoot(config), config, bodyParser: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('leaves JSON bodies unread, byte for byte and beyond HTTP_BODY_LIMIT, for the handler to stream', async () => {
    const body = `{ "text" : "${'é'.repeat(2000)}" }`;
    const res = await fetch(`${await app.getUrl()}/raw`, {
      method: 'POST',
      headers: {
        [INTERNAL_IDENTITY_HEADER]: signInternalIdentity(
          { sub: 'u1', email: 'u@example.fr', roles: ['usager'] },
          config.INTERNAL_TOKEN_SECRET ?? '',
        ),
        'content-type': 'application/json',
      },
      body,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ parsed: false, text: body });
  });
});

describe(bootstrapService.name, () => {
  it('logs a bad configuration as one JSON line and exits with code 1 instead of crashing', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const app = await bootstrapService(
        () => {
          throw new ConfigError([{ variable: 'MONGO_URL', reason: 'is required' }]);
        },
        { forceExitAfterMs: null },
      );
      expect(app).toBeUndefined();
      expect(process.exitCode).toBe(1);
      const line = JSON.parse(written.join('')) as { level: string; err: { message: string } };
      expect(line.level).toBe('fatal');
      expect(line.err.message).toContain('MONGO_URL: is required');
    } finally {
      spy.mockRestore();
      process.exitCode = 0;
    }
  });

  it('forces the exit of a failed boot after the delay, even if something keeps the process alive', async () => {
    jest.useFakeTimers();
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await bootstrapService(
        () => {
          throw new ConfigError([{ variable: 'MONGO_URL', reason: 'is required' }]);
        },
        { forceExitAfterMs: 50 },
      );
      expect(exit).not.toHaveBeenCalled();
      jest.advanceTimersByTime(50);
      expect(exit).toHaveBeenCalledWith(1);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
      jest.useRealTimers();
      process.exitCode = 0;
    }
  });
});
