// Runs the API Entreprise fake on its own, for the running platform (tools/run/services.mjs points dossier's
// API_ENTREPRISE_URL at it; e2e/dossier.e2e-spec.ts starts it for its run, see docs/testing.md):
//   node -r @swc-node/register services/dossier/src/testing/fake-api-entreprise.main.ts [port]
// Prints `listening <url>` once ready and stops on SIGTERM / SIGINT. Without it, dossier runs in degraded mode.
import { FakeApiEntrepriseServer } from './fake-api-entreprise.server';

export const FAKE_API_ENTREPRISE_PORT = 3090;

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? FAKE_API_ENTREPRISE_PORT);
  const fake = new FakeApiEntrepriseServer();
  const url = await fake.start(port);
  process.stdout.write(`listening ${url}\n`);
  const stop = () => {
    void fake.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake API Entreprise: ${String(error)}\n`);
  process.exit(1);
});
