import { DomainError } from '@demarches/platform-errors';
import { correlationContext } from '@demarches/platform-logging';
import { MetricsModule, MetricsRegistry } from '@demarches/platform-metrics';
// Test files may use the testing lib; the boundary rule does not yet tell tests from code (see report).
import { localInfrastructure, testNamespace } from '@demarches/testing';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { defineQueue } from './queue-definition';
import { QueueModule } from './queue.module';
import { QueueRegistry } from './queue.registry';
import { RedisHealthIndicator } from './redis-health.indicator';

interface MailJobs {
  'send-mail': { deliveryId: string; template: string };
  'send-digest': { instructeurId: string };
}
const mails = defineQueue<MailJobs>('mails');
const idle = defineQueue<MailJobs>('idle'); // no worker: jobs stay waiting

const prefix = testNamespace(__filename);

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function createApp(): Promise<INestApplicationContext> {
  @Module({
    imports: [
      MetricsModule.forRoot({ service: 'notification', port: 0 }),
      QueueModule.forRoot({ redisUrl: localInfrastructure.redisUrl, prefix, depthIntervalMs: 60_000 }),
    ],
  })
  class TestModule {}
  const app = await NestFactory.createApplicationContext(TestModule, { logger: false });
  await app.init();
  return app;
}

describe(`${QueueModule.name} against the local Redis`, () => {
  let app: INestApplicationContext;
  let registry: QueueRegistry;
  const handled: { payload: unknown; correlationId?: string; attempt: number }[] = [];
  let failures = 0;

  beforeAll(async () => {
    app = await createApp();
    registry = app.get(QueueRegistry);
    registry.worker(mails, {
      'send-mail': async (payload, job) => {
        if (payload.template === 'always-fails') {
          failures += 1;
          throw new Error('SMTP refused the message');
        }
        if (payload.template === 'invalid')
          throw new DomainError('TEMPLATE_UNKNOWN', 'invalid', 'Modèle inconnu.');
        const correlationId = correlationContext.current();
        handled.push({
          payload,
          attempt: job.attemptsMade,
          ...(correlationId !== undefined ? { correlationId } : {}),
        });
      },
      'send-digest': async () => undefined,
    });
  });
  afterAll(async () => {
    await registry.queue(mails).queue.obliterate({ force: true });
    await registry.queue(idle).queue.obliterate({ force: true });
    await app.close();
  });

  it('processes a job with its payload, in the correlation context of the enqueuing action', async () => {
    await correlationContext.run('corr-42', () =>
      registry.queue(mails).add('send-mail', { deliveryId: 'd1', template: 'accuse' }, { jobId: 'd1' }),
    );
    const job = await waitFor(async () =>
      handled.find((h) => (h.payload as { deliveryId: string }).deliveryId === 'd1'),
    );
    expect(job).toEqual({
      payload: { deliveryId: 'd1', template: 'accuse' },
      correlationId: 'corr-42',
      attempt: 0,
    });
    const info = await waitFor(async () => {
      const j = await registry.queue(mails).getJob('send-mail', 'd1');
      return j?.state === 'completed' ? j : undefined;
    });
    expect(info.attemptsMade).toBe(1);
  });

  it('retries a failing job with backoff, then keeps it as failed for inspection', async () => {
    failures = 0;
    await registry
      .queue(mails)
      .add(
        'send-mail',
        { deliveryId: 'd2', template: 'always-fails' },
        { jobId: 'd2', attempts: 3, backoffMs: 20 },
      );
    const failed = await waitFor(async () => {
      const j = await registry.queue(mails).getJob('send-mail', 'd2');
      return j?.state === 'failed' ? j : undefined;
    });
    expect(failures).toBe(3);
    expect(failed).toMatchObject({
      attemptsMade: 3,
      failedReason: 'SMTP refused the message',
      payload: { deliveryId: 'd2' },
    });
  });

  it('fails at once on a domain error that retrying cannot fix', async () => {
    await registry
      .queue(mails)
      .add(
        'send-mail',
        { deliveryId: 'd3', template: 'invalid' },
        { jobId: 'd3', attempts: 5, backoffMs: 20 },
      );
    const failed = await waitFor(async () => {
      const j = await registry.queue(mails).getJob('send-mail', 'd3');
      return j?.state === 'failed' ? j : undefined;
    });
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toContain('TEMPLATE_UNKNOWN');
  });

  it('enqueues a job once however many times the same deterministic id is added', async () => {
    const queue = registry.queue(idle);
    const first = await queue.add('send-digest', { instructeurId: 'i1' }, { jobId: 'digest:2026-01-01:i1' });
    const second = await queue.add('send-digest', { instructeurId: 'i1' }, { jobId: 'digest:2026-01-01:i1' });
    await queue.add('send-mail', { deliveryId: 'x', template: 't' }, { jobId: 'digest:2026-01-01:i1' });
    expect(second).toBe(first);
    expect((await queue.counts()).waiting).toBe(2); // same key under another job name is another job
  });

  it('exports the depth of every queue as queue_depth{queue,state}', async () => {
    await registry.refreshDepth();
    const text = await app.get(MetricsRegistry).render();
    expect(text).toMatch(/queue_depth\{[^}]*queue="idle"[^}]*state="waiting"[^}]*\} 2/);
    expect(text).toMatch(/queue_depth\{[^}]*queue="mails"[^}]*state="failed"[^}]*\} 2/);
  });

  it('reports Redis as healthy', async () => {
    await expect(app.get(RedisHealthIndicator).check()).resolves.toBeUndefined();
  });
});

describe('graceful shutdown', () => {
  it('lets a running job finish before the application closes', async () => {
    const app = await createApp();
    const registry = app.get(QueueRegistry);
    const slow = defineQueue<{ slow: { n: number } }>('slow');
    let started = false;
    let finished = false;
    registry.worker(slow, {
      slow: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      },
    });
    await registry.queue(slow).add('slow', { n: 1 }, { jobId: 'one' });
    await waitFor(async () => (started ? true : undefined));
    const cleanup = new QueueRegistry({ redisUrl: localInfrastructure.redisUrl, prefix });
    await app.close();
    expect(finished).toBe(true);
    await cleanup.queue(slow).queue.obliterate({ force: true });
    await cleanup.onApplicationShutdown();
  });

  it('reports an unreachable Redis as down quickly instead of hanging', async () => {
    const indicator = new RedisHealthIndicator({ redisUrl: 'redis://127.0.0.1:1', prefix });
    await expect(indicator.check()).rejects.toThrow();
    indicator.onApplicationShutdown();
  });
});
