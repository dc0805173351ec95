// Runs every bench/*.bench.ts, one child process each, so a benchmark's heap measurements and JIT state are not
// polluted by the previous one. `npm run bench` (or `npm run bench -- geo-communes` for the matching files only).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const files = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches "${filter}"`);
  process.exit(2);
}
for (const file of files) {
  console.log(`\n▶ ${file}`);
  // --expose-gc: heap figures are taken after a full collection, not whatever garbage happens to be around.
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '-r', '@swc-node/register', join(__dirname, file)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
