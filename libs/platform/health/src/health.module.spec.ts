import { INestApplication, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthIndicator, provideHealthIndicator } from './health-indicator';
import { HealthModule } from './health.module';
import { HealthService } from './health.service';

const state = { databaseUp: true, brokerHangs: false };

@Injectable()
class DatabaseIndicator implements HealthIndicator {
  readonly name = 'mongo';
  async check(): Promise<void> {
    if (!state.databaseUp) throw new Error('connection refused');
  }
}

@Injectable()
class BrokerIndicator implements HealthIndicator {
  readonly name = 'kafka';
  check(): Promise<void> {
    return state.brokerHangs ? new Promise(() => undefined) : Promise.resolve();
  }
}

// Indicators come from other modules, as the platform libs register theirs.
@Module({
  providers: [...provideHealthIndicator(DatabaseIndicator), ...provideHealthIndicator(BrokerIndicator)],
})
class DependenciesModule {}

@Module({ imports: [HealthModule.forRoot({ checkTimeoutMs: 100 }), DependenciesModule] })
class TestModule {}

describe(HealthModule.name, () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    state.databaseUp = true;
    state.brokerHangs = false;
  });

  async function ready(): Promise<{
    status: number;
    body: { status: string; checks: Record<string, { status: string; ms: number; error?: string }> };
  }> {
    const res = await fetch(`${baseUrl}/health/ready`);
    return { status: res.status, body: (await res.json()) as never };
  }

  it('is live while the process runs, whatever the dependencies say', async () => {
    state.databaseUp = false;
    const res = await fetch(`${baseUrl}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready with one entry per registered indicator when all are up', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(['kafka', 'mongo']);
    expect(body.checks['mongo']).toEqual({ status: 'up', ms: expect.any(Number) });
  });

  it('answers 503 naming the indicator that threw', async () => {
    state.databaseUp = false;
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.checks['mongo']).toMatchObject({ status: 'down', error: 'connection refused' });
    expect(body.checks['kafka']).toMatchObject({ status: 'up' });
  });

  it('reports a hung dependency as down after the timeout instead of hanging the probe', async () => {
    state.brokerHangs = true;
    const started = Date.now();
    const { status, body } = await ready();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(status).toBe(503);
    expect(body.checks['kafka']).toMatchObject({ status: 'down', error: 'timed out after 100 ms' });
  });
});

describe('readiness during shutdown', () => {
  it('turns not ready as soon as the application starts shutting down', async () => {
    state.databaseUp = true;
    state.brokerHangs = false;
    const app = await NestFactory.create(TestModule, { logger: false });
    await app.init();
    const health = app.get(HealthService);
    expect((await health.readiness()).status).toBe('ok');
    health.beforeApplicationShutdown();
    expect((await health.readiness()).status).toBe('unavailable');
    await app.close();
  });
});
