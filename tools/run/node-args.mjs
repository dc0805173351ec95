import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * How a service's Node process starts.
 * - 'dist' (platform.mjs, so `make up` and `make test`): the output of tools/build/build-service.mjs, as in the
 *   container image; it boots faster and uses about half the memory of running from sources.
 * - 'sources' (serve.mjs, for development): the TypeScript sources through @swc-node/register (decorator metadata
 *   and tsconfig path aliases included), so an edit needs only a restart.
 */
export function nodeArgsFor(service, from) {
  const common = ['--max-old-space-size=256', '--enable-source-maps'];
  if (from === 'dist') return [...common, join(ROOT, 'dist', 'services', service.name, 'main.js')];
  return [...common, '-r', '@swc-node/register', join(ROOT, 'services', service.name, 'src', 'main.ts')];
}
