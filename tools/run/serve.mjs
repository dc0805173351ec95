#!/usr/bin/env node
// Runs one service in the foreground from its TypeScript sources (development): `node tools/run/serve.mjs dossier`.
import { spawn } from 'node:child_process';
import { SERVICES, serviceEnv } from './services.mjs';
import { nodeArgsFor } from './node-args.mjs';

const name = process.argv[2];
const service = SERVICES.find((candidate) => candidate.name === name);
if (!service) {
  console.error(`unknown service "${name}"; one of: ${SERVICES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const child = spawn(process.execPath, nodeArgsFor(service, 'sources'), {
  stdio: 'inherit',
  env: { ...process.env, ...serviceEnv(service) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
