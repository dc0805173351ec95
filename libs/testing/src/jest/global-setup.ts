// Jest globalSetup for integration and end-to-end runs: makes sure the real local infrastructure is up.
// It delegates to deploy/local/infra.sh, which is idempotent and returns quickly when everything already runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default async function globalSetup(): Promise<void> {
  if (process.env.DEMARCHES_SKIP_INFRA === '1') return;
  const root = join(__dirname, '..', '..', '..', '..');
  execFileSync(join(root, 'deploy', 'local', 'infra.sh'), ['up'], {
    stdio: 'inherit',
    cwd: root,
    timeout: 15 * 60_000,
  });
}
