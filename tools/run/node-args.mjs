import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Locally, services run from their TypeScript sources through @swc-node/register (decorator metadata and the
 * tsconfig path aliases included), so there is no build step between an edit and a restart. Containers run the
 * output of tools/build/build-service.mjs instead.
 */
export function nodeArgsFor(service) {
  return [
    '--max-old-space-size=256',
    '--enable-source-maps',
    '-r',
    '@swc-node/register',
    join(ROOT, 'services', service.name, 'src', 'main.ts'),
  ];
}
