#!/usr/bin/env node
// Scaffolds the Nx project files of a service or library so every project has the same targets and tags.
// Usage: node tools/workspace/new-project.mjs service <name> | lib <dir under libs/> <kind: platform|contracts|testing>
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const [kind, name, libKind] = process.argv.slice(2);
if (!['service', 'lib'].includes(kind) || !name) {
  console.error('usage: new-project.mjs service <name> | lib <dir> <platform|contracts|testing>');
  process.exit(2);
}
const root = kind === 'service' ? join('services', name) : join('libs', name);
const projectName = kind === 'service' ? name : name.replace(/\//g, '-');
const up = relative(root, '.');
const tags = kind === 'service' ? ['type:service', `scope:${name}`] : [`type:${libKind}`];

const targets = {
  lint: { executor: 'nx:run-commands', options: { command: `eslint ${root}` } },
  typecheck: { executor: 'nx:run-commands', options: { command: `tsc -p ${root}/tsconfig.json --noEmit` } },
  test: { executor: 'nx:run-commands', options: { command: `jest -c jest.unit.config.ts ${root}/` } },
  'test-integration': {
    executor: 'nx:run-commands',
    options: { command: `jest -c jest.integration.config.ts --runInBand --passWithNoTests ${root}/` },
  },
};
if (kind === 'service') {
  targets.serve = { executor: 'nx:run-commands', options: { command: `node tools/run/serve.mjs ${name}` } };
  targets.build = {
    executor: 'nx:run-commands',
    options: { command: `node tools/build/build-service.mjs ${name}` },
  };
}

mkdirSync(join(root, 'src'), { recursive: true });
const write = (file, content) => {
  const path = join(root, file);
  if (!existsSync(path))
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
};
write('project.json', {
  name: projectName,
  $schema: `${up}/node_modules/nx/schemas/project-schema.json`,
  sourceRoot: `${root}/src`,
  projectType: kind === 'service' ? 'application' : 'library',
  tags,
  targets,
});
write('tsconfig.json', { extends: `${up}/tsconfig.base.json`, include: ['src/**/*.ts'] });
if (kind === 'lib') write('src/index.ts', '');
