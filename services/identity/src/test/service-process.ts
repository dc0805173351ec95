import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * A service started for real, as `make up` does (node + @swc-node/register on its main.ts): the test exercises
 * main.ts, the config schema and the platform runtime, and jose loads natively (Jest cannot load ESM-only jose).
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(
    private readonly service: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async start(httpPort: number, timeoutMs = 60_000): Promise<void> {
    this.child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'services', this.service, 'src', 'main.ts')],
      { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`${this.service} exited with ${this.child.exitCode}:\n${this.logs()}`);
      const live = await fetch(`http://127.0.0.1:${httpPort}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (live) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.service} did not answer /health/live within ${timeoutMs} ms:\n${this.logs()}`);
  }

  logs(): string {
    return this.output.slice(-4000);
  }

  /** SIGTERM, as Kubernetes does; resolves with the exit code (0 for a clean shutdown). */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }
}
