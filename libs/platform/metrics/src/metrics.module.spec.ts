import { Controller, Get, INestApplication, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MetricsRegistry } from './metrics-registry';
import { MetricsModule } from './metrics.module';
import { MetricsServer } from './metrics.server';

@Controller('dossiers')
class DossierController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    if (id === 'missing') throw new NotFoundException();
    return { id };
  }
}

@Module({
  imports: [MetricsModule.forRoot({ service: 'dossier', port: 0 })],
  controllers: [DossierController],
})
class TestModule {}

/** The value of one sample, whatever order prom-client writes the labels in. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (
      Object.entries(labels).every(([k, v]) => found[k] === v) &&
      Object.keys(found).length === Object.keys(labels).length
    )
      return Number(match[3]);
  }
  return undefined;
}

describe(MetricsModule.name, () => {
  let app: INestApplication;
  let baseUrl: string;
  let metricsUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    metricsUrl = `http://127.0.0.1:${app.get(MetricsServer).port() ?? 0}/metrics`;
  });
  afterAll(() => app.close());

  const scrape = async () => (await fetch(metricsUrl)).text();

  it('serves default process metrics labelled with the service on its own port', async () => {
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/process_cpu_user_seconds_total\{service="dossier"\}/);
  });

  it('records request durations by route template and status, not raw URL', async () => {
    await fetch(`${baseUrl}/dossiers/42`);
    await fetch(`${baseUrl}/dossiers/43`);
    await fetch(`${baseUrl}/dossiers/missing`);
    const text = await scrape();
    const route = { service: 'dossier', method: 'GET', route: '/dossiers/:id' };
    expect(sample(text, 'http_request_duration_seconds_count', { ...route, status: '200' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { ...route, status: '404' })).toBe(1);
    expect(text).not.toContain('/dossiers/42');
  });

  it('exports the gauges the kafka and queue libs feed', async () => {
    const metrics = app.get(MetricsRegistry);
    metrics.queueDepth.set({ queue: 'mails', state: 'waiting' }, 3);
    metrics.kafkaConsumerLag.set({ group: 'dossier', topic: 'demarches.dossier.v1', partition: '0' }, 7);
    const text = await scrape();
    expect(sample(text, 'queue_depth', { service: 'dossier', queue: 'mails', state: 'waiting' })).toBe(3);
    expect(
      sample(text, 'kafka_consumer_lag', {
        service: 'dossier',
        group: 'dossier',
        topic: 'demarches.dossier.v1',
        partition: '0',
      }),
    ).toBe(7);
  });

  it('returns the same metric when a service asks for it twice', () => {
    const metrics = app.get(MetricsRegistry);
    const first = metrics.counter('dossier_deposits_total', 'Dossiers déposés', ['demarche']);
    expect(metrics.counter('dossier_deposits_total', 'Dossiers déposés', ['demarche'])).toBe(first);
  });

  it('answers 404 for anything but /metrics', async () => {
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
  });
});

describe(MetricsServer.name, () => {
  it('stops listening when the application closes', async () => {
    const app = await NestFactory.create(TestModule, { logger: false });
    await app.init();
    const url = `http://127.0.0.1:${app.get(MetricsServer).port() ?? 0}/metrics`;
    expect((await fetch(url)).status).toBe(200);
    await app.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
