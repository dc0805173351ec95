import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectPinoLogger, Logger, PinoLogger } from 'nestjs-pino';
import {
  correlationContext,
  correlationHeaders,
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
} from './correlation-context';
import { LoggingModule } from './logging.module';

@Controller()
class ProbeController {
  constructor(@InjectPinoLogger('ProbeController') private readonly logger: PinoLogger) {}

  @Get('probe')
  async probe(): Promise<{ current?: string; outgoing: Record<string, string> }> {
    await new Promise((resolve) => setTimeout(resolve, 5)); // the context must survive an await
    this.logger.info({ dossierId: 'd1' }, 'dossier read');
    const current = correlationContext.current();
    return { ...(current !== undefined ? { current } : {}), outgoing: correlationHeaders() };
  }
}

describe(LoggingModule.name, () => {
  const lines: string[] = [];
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    @Module({
      imports: [
        LoggingModule.forRoot({
          service: 'test-service',
          level: 'info',
          destination: { write: (line: string) => void lines.push(line) },
        }),
      ],
      controllers: [ProbeController],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    lines.length = 0;
  });

  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  it('creates ids for a request without any, echoes them and exposes them to the handler', async () => {
    const res = await fetch(`${baseUrl}/probe`);
    const body = (await res.json()) as { current: string; outgoing: Record<string, string> };
    const requestId = res.headers.get(REQUEST_ID_HEADER);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get(CORRELATION_ID_HEADER)).toBe(requestId);
    expect(body.current).toBe(requestId);
    expect(body.outgoing).toEqual({ [CORRELATION_ID_HEADER]: requestId });
  });

  it("reuses the caller's correlation and request ids", async () => {
    const res = await fetch(`${baseUrl}/probe`, {
      headers: { [CORRELATION_ID_HEADER]: 'corr-123', [REQUEST_ID_HEADER]: 'req-456' },
    });
    const body = (await res.json()) as { current: string };
    expect(res.headers.get(CORRELATION_ID_HEADER)).toBe('corr-123');
    expect(res.headers.get(REQUEST_ID_HEADER)).toBe('req-456');
    expect(body.current).toBe('corr-123');
  });

  it('refuses ids that could inject into logs or headers and creates fresh ones', async () => {
    const res = await fetch(`${baseUrl}/probe`, { headers: { [CORRELATION_ID_HEADER]: 'a b {"x":1}' } });
    expect(res.headers.get(CORRELATION_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes JSON lines with the service, the correlation id, and credentials redacted', async () => {
    await fetch(`${baseUrl}/probe`, {
      headers: {
        [CORRELATION_ID_HEADER]: 'corr-789',
        authorization: 'Bearer top-secret',
        'x-demarches-identity': 'signed.identity.token',
        cookie: 'sid=abc',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const entries = logged();
    const handlerLine = entries.find((e) => e['msg'] === 'dossier read');
    expect(handlerLine).toMatchObject({
      level: 'info',
      service: 'test-service',
      correlationId: 'corr-789',
      dossierId: 'd1',
    });
    const completed = entries.find((e) => e['msg'] === 'request completed');
    expect(completed).toMatchObject({ correlationId: 'corr-789' });
    const raw = lines.join('\n');
    expect(raw).not.toContain('top-secret');
    expect(raw).not.toContain('signed.identity.token');
    expect(raw).not.toContain('sid=abc');
    expect(raw).toContain('[redacted]');
  });
});

describe('correlationContext', () => {
  it('is empty outside any run and nests runs', () => {
    expect(correlationContext.current()).toBeUndefined();
    expect(correlationHeaders()).toEqual({});
    correlationContext.run('outer', () => {
      correlationContext.run('inner', () => expect(correlationContext.current()).toBe('inner'));
      expect(correlationContext.current()).toBe('outer');
    });
  });
});
