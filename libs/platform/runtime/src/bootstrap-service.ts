import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from '@demarches/platform-logging';
import { RuntimeConfig } from './runtime-config';

type EntryModule = Type<unknown> | DynamicModule;

export interface ServiceDefinition<C extends RuntimeConfig> {
  /** Usually `AppModule.forRoot(config)`, a module that imports PlatformModule.forRoot({ config }). */
  module: EntryModule;
  config: C;
  /** Runs after init and before listen: connect the Kafka microservice, start outbox relays, … */
  beforeListen?: (app: INestApplication) => Promise<void>;
  /** Shorthand for the kafka lib's connector; runs before beforeListen. */
  kafka?: { connect(app: INestApplication): Promise<void> };
  /**
   * true (default): JSON and urlencoded bodies are parsed into `req.body`, bounded by HTTP_BODY_LIMIT.
   * false: no parser, every body stays an unread stream (the gateway forwards bodies untouched).
   */
  bodyParser?: boolean;
}

/**
 * Builds the Nest application without listening or touching process signals: what tests need, and the
 * first half of bootstrapService.
 */
export async function createServiceApp<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
): Promise<NestExpressApplication> {
  const { module, config, bodyParser = true } = definition;
  // bufferLogs: Nest's own boot logs wait for the pino logger instead of going to the console unformatted.
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  if (bodyParser) {
    app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT ?? '1mb' });
    app.useBodyParser('urlencoded', { limit: config.HTTP_BODY_LIMIT ?? '1mb', extended: true });
  }
  app.disable('x-powered-by');
  try {
    await app.init();
    await definition.kafka?.connect(app);
    await definition.beforeListen?.(app);
  } catch (error: unknown) {
    // A half-started app holds connections and servers that would keep the process alive after a failed boot.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/**
 * `main.ts` in one call: build, listen on HTTP_HOST:HTTP_PORT, and on SIGTERM/SIGINT close the app
 * (consumers, workers, relays and servers via their shutdown hooks) within SHUTDOWN_TIMEOUT_MS.
 * A failed boot (bad config, unreachable port) is logged as one JSON line and exits with code 1.
 */
const FAILED_BOOT_EXIT_DELAY_MS = 2_000;

export interface BootstrapOptions {
  /**
   * After a failed boot, exit for sure this long after the fatal line (default 2 s), even if a client a library left
   * open would keep the process alive; null leaves the process to the caller (tests).
   */
  forceExitAfterMs?: number | null;
}

export async function bootstrapService<C extends RuntimeConfig>(
  definition: ServiceDefinition<C> | (() => ServiceDefinition<C>),
  options: BootstrapOptions = {},
): Promise<INestApplication | undefined> {
  let app: NestExpressApplication | undefined;
  try {
    const resolved = typeof definition === 'function' ? definition() : definition;
    app = await createServiceApp(resolved);
    installShutdown(app, resolved.config.SHUTDOWN_TIMEOUT_MS);
    await app.listen(resolved.config.HTTP_PORT, resolved.config.HTTP_HOST ?? '127.0.0.1');
    app.get(Logger).log({ port: resolved.config.HTTP_PORT }, 'service listening');
    return app;
  } catch (error: unknown) {
    writeFatal(error);
    await app?.close().catch(() => undefined);
    process.exitCode = 1;
    // A client a library left open must not keep a failed service alive (an orchestrator restarts it; locally the
    // runner reports it): exit for sure once the logs had a moment to flush.
    const forceExitAfterMs =
      options.forceExitAfterMs === undefined ? FAILED_BOOT_EXIT_DELAY_MS : options.forceExitAfterMs;
    if (forceExitAfterMs !== null) setTimeout(() => process.exit(1), forceExitAfterMs).unref();
    return undefined;
  }
}

/**
 * Our own signal handling instead of enableShutdownHooks(): Nest's waits forever for hooks, while Kubernetes
 * kills the pod after its grace period anyway; a bounded close exits on our terms and says why.
 */
export function installShutdown(app: INestApplication, timeoutMs: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const logger = app.get(Logger);
    logger.log({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out, exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

function writeFatal(error: unknown): void {
  // The pino logger may not exist yet (config errors happen before the app), so write the line by hand.
  const line = {
    level: 'fatal',
    time: new Date().toISOString(),
    msg: 'service failed to start',
    err: {
      type: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    },
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
