// Starts a service as a real child process, for integration tests that must exercise main.ts itself.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A port nothing listens on (bound then released): for a service's own ports, or a "service down" address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A service started for real, as `make up` does (node + @swc-node/register on its main.ts): the test exercises
 * main.ts, the config schema and the platform runtime, and jose loads natively (Jest cannot load ESM-only jose).
 */
export class ServiceProcess {
  private output = '';

  constructor(
    readonly service: string,
    /** Where the service answers, e.g. http://127.0.0.1:41234. */
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
  }

  /** The child's process id (e.g. to sample its memory in /proc/<pid>/status). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last few kilobytes the process wrote, for failure messages. */
  logs(): string {
    return this.output.slice(-4000);
  }

  /** SIGTERM, as Kubernetes does; resolves with the exit code (0 for a clean shutdown). */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }

  /** Resolves once GET /health/live answers; rejects (after stopping it) if it exits or stays silent. */
  async waitUntilLive(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`${this.service} exited with ${this.child.exitCode}:\n${this.logs()}`);
      const live = await fetch(`${this.url}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (live) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await this.stop();
    throw new Error(`${this.service} did not answer /health/live within ${timeoutMs} ms:\n${this.logs()}`);
  }
}

/**
 * Spawns `services/<service>/src/main.ts` on free HTTP and metrics ports and waits until it is live.
 * `env` comes on top of this process's environment and LOG_LEVEL=warn; HTTP_PORT and METRICS_PORT are chosen here.
 */
export async function startServiceProcess(
  service: string,
  env: NodeJS.ProcessEnv,
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const [httpPort, metricsPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'services', service, 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...env,
        HTTP_PORT: String(httpPort),
        METRICS_PORT: String(metricsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const started = new ServiceProcess(service, `http://127.0.0.1:${httpPort}`, child);
  await started.waitUntilLive(timeoutMs);
  return started;
}
