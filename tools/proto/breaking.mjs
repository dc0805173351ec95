#!/usr/bin/env node
// Contract check for proto/: `buf lint`, then `buf breaking` (FILE rules) against the previous commit.
// Usage: node tools/proto/breaking.mjs [--against <git ref>] (default HEAD~1; CI passes the last release tag).
// The previous tree is extracted with `git archive` rather than buf's `.git#ref=` input, so it also works in
// git worktrees (where .git is a file). No previous commit, or no proto/ in it, means nothing can break: pass.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspace = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const buf = process.env.BUF_BIN ?? join(workspace, 'node_modules', '.bin', 'buf');
const args = process.argv.slice(2);
const against = valueOf('--against') ?? 'HEAD~1';
const cwd = process.cwd();

if (!existsSync(join(cwd, 'proto', 'buf.yaml'))) fail(`no proto/buf.yaml under ${cwd}`);
run(buf, ['lint', 'proto'], 'buf lint failed');

const commit = git(['rev-parse', '--verify', '--quiet', `${against}^{commit}`]);
if (!commit) {
  console.log(
    `proto breaking check: no commit "${against}" to compare with (first commit or shallow clone) — pass`,
  );
  process.exit(0);
}
const previousProtos = git(['ls-tree', '-r', '--name-only', commit, 'proto/'])
  .split('\n')
  .filter((f) => f.endsWith('.proto'));
if (!git(['ls-tree', '--name-only', commit, 'proto/buf.yaml']) || previousProtos.length === 0) {
  console.log(`proto breaking check: ${against} has no proto/ module — nothing to break, pass`);
  process.exit(0);
}

const previous = mkdtempSync(join(tmpdir(), 'proto-against-'));
try {
  const archive = spawnSync('git', ['archive', '--format=tar', commit, 'proto'], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (archive.status !== 0) fail(`git archive failed: ${archive.stderr}`);
  execFileSync('tar', ['-x', '-C', previous], { input: archive.stdout });
  run(buf, ['breaking', 'proto', '--against', join(previous, 'proto')], `breaking change against ${against}`);
  console.log(`proto breaking check: no breaking change against ${against} (${commit.slice(0, 12)})`);
} finally {
  rmSync(previous, { recursive: true, force: true });
}

function valueOf(flag) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function git(gitArgs) {
  const r = spawnSync('git', gitArgs, { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function run(cmd, cmdArgs, message) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
  if (r.status !== 0) fail(message);
}

function fail(message) {
  console.error(`proto breaking check FAILED: ${message}`);
  process.exit(1);
}
