// A Kafka broker of the test's own, started and killed through deploy/local/infra.sh with overridden ports and
// state directory: killing it cannot disturb other test files or engineers using the shared broker on 9092.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..', '..');
const infraScript = join(root, 'deploy', 'local', 'infra.sh');

export class PrivateBroker {
  readonly infraDir: string;
  readonly brokers: string[];

  /** `baseEnv`: the caller's environment (only config and tests read process.env). */
  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly port = 39092,
    private readonly controllerPort = 39093,
  ) {
    this.infraDir = join(root, '.infra', 'kafka-outage-test');
    this.brokers = [`127.0.0.1:${port}`];
  }

  private get env(): NodeJS.ProcessEnv {
    return {
      ...this.baseEnv,
      INFRA_DIR: this.infraDir,
      KAFKA_PORT: String(this.port),
      KAFKA_CONTROLLER_PORT: String(this.controllerPort),
    };
  }

  /** Starts (installing only if the shared jars are missing) and waits until the broker answers metadata. */
  up(): void {
    // Never drive a broker that is not ours: a port answered by someone else's process would make the test
    // "kill" nothing and pass for the wrong reason.
    if (!this.ownPidAlive() && (portOpen(this.port) || portOpen(this.controllerPort))) {
      throw new Error(`ports ${this.port}/${this.controllerPort} are taken by another process`);
    }
    const sharedHome = join(root, '.infra', 'kafka');
    const ownHome = join(this.infraDir, 'kafka');
    mkdirSync(this.infraDir, { recursive: true });
    // Reuse the jars already fetched for the shared broker instead of a second Maven download.
    if (!existsSync(ownHome) && existsSync(join(sharedHome, '.version'))) symlinkSync(sharedHome, ownHome);
    execFileSync(infraScript, ['up', 'kafka'], { env: this.env, stdio: 'inherit', timeout: 10 * 60_000 });
    if (!this.ownPidAlive()) throw new Error('the private Kafka broker did not stay up');
  }

  /** SIGKILL, no clean shutdown: the broker dies as in a crash. */
  kill(): void {
    const pidFile = join(this.infraDir, 'run', 'kafka.pid');
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100; i += 1) {
      if (!alive(pid) && !portOpen(this.port)) return;
      execFileSync('sleep', ['0.1']);
    }
    throw new Error(`kafka pid ${pid} survived SIGKILL`);
  }

  private ownPidAlive(): boolean {
    const pidFile = join(this.infraDir, 'run', 'kafka.pid');
    return existsSync(pidFile) && alive(Number(readFileSync(pidFile, 'utf8').trim()));
  }

  down(): void {
    execFileSync(infraScript, ['down', 'kafka'], { env: this.env, stdio: 'inherit', timeout: 120_000 });
  }
}

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function portOpen(port: number): boolean {
  try {
    execFileSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`], { stdio: 'ignore', timeout: 2000 });
    return true;
  } catch {
    return false;
  }
}
