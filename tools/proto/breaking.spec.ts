// Proves the proto contract check really fails on a breaking change, on a throw-away git repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, 'breaking.mjs');

const bufYaml = 'version: v2\nmodules:\n  - path: .\nlint:\n  use: [STANDARD]\nbreaking:\n  use: [FILE]\n';
const proto = (fields: string) =>
  `syntax = "proto3";\n\npackage demarches.sample.v1;\n\nmessage SampleHappened {\n${fields}}\n`;

describe('tools/proto/breaking.mjs', () => {
  let repo: string;

  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], {
      cwd: repo,
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  const commitProto = (fields: string) => {
    writeFileSync(join(repo, 'proto', 'demarches', 'sample', 'v1', 'events.proto'), proto(fields));
    git('add', '-A');
    git('commit', '-q', '-m', 'proto change');
  };
  const check = () => spawnSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'proto-breaking-'));
    mkdirSync(join(repo, 'proto', 'demarches', 'sample', 'v1'), { recursive: true });
    writeFileSync(join(repo, 'proto', 'buf.yaml'), bufYaml);
    git('init', '-q');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('passes with a message when there is no previous commit', () => {
    commitProto('  string id = 1;\n');
    const r = check();
    expect(r.stdout).toContain('no commit');
    expect(r.status).toBe(0);
  });

  it('passes when the previous commit has no proto module', () => {
    writeFileSync(join(repo, 'README.md'), 'x');
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
    commitProto('  string id = 1;\n');
    const r = check();
    expect(r.stdout + r.stderr).toContain('nothing to break');
    expect(r.status).toBe(0);
  });

  it('accepts an additive change', () => {
    commitProto('  string id = 1;\n');
    commitProto('  string id = 1;\n  int64 version = 2;\n');
    const r = check();
    expect(r.stderr).not.toContain('FAILED');
    expect(r.status).toBe(0);
  });

  it('rejects a removed field', () => {
    commitProto('  string id = 1;\n  int64 version = 2;\n');
    commitProto('  string id = 1;\n');
    const r = check();
    expect(r.stderr).toContain('FAILED');
    expect(r.status).not.toBe(0);
  }, 20000);

  it('rejects a changed field type', () => {
    commitProto('  string id = 1;\n  int64 version = 2;\n');
    commitProto('  string id = 1;\n  string version = 2;\n');
    const r = check();
    expect(`${r.stdout}${r.stderr}`).toMatch(/type/i);
    expect(r.status).not.toBe(0);
  }, 20000);

  it('rejects a proto that fails lint', () => {
    commitProto('  string Id = 1;\n');
    const r = check();
    expect(r.stderr).toContain('buf lint failed');
    expect(r.status).not.toBe(0);
  });
});
