#!/usr/bin/env node
// Builds one service into dist/services/<service>/, runnable with `node dist/services/<service>/main.js`.
//
// Why not tsc: tsc leaves tsconfig path aliases (@demarches/...) untouched, so the output would not run without a
// runtime hook. Why not swc's own jsc.paths: it does rewrite aliases, but relative to the SOURCE tree, and we want a
// flat output whose entry is main.js. So swc only transpiles (legacy decorators + decorator metadata, which Nest's
// dependency injection needs) and this script resolves every require() itself:
//   - `@demarches/x`  -> the file tsconfig.base.json maps it to;
//   - `./relative`    -> the .ts/.js/.json file or directory index it points at in the source tree;
// then rewrites the specifier to the relative path between the two OUTPUT files, and follows it (only code reachable
// from the service is emitted; a spec file is never reached). Every .ts file of the service's own src/ is compiled too
// (code loaded by computed paths), and non-TypeScript assets (templates, JSON data, ...) of every source root that
// was used are copied beside the code.
//
// Output layout:
//   dist/services/<service>/main.js                 services/<service>/src/main.ts
//   dist/services/<service>/**                      services/<service>/src/**
//   dist/services/<service>/libs/<lib>/src/**       libs/<lib>/src/**  (only what is reachable)
//   dist/services/<service>/package.json            {"type":"commonjs"} so a future root "type" cannot break it
// Bare package specifiers stay as they are: node_modules are resolved from the repository (or image) root.
//
// Usage: node tools/build/build-service.mjs <service> [--out-dir <dir>] [--quiet]
import { createRequire, isBuiltin } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const swc = require('@swc/core');

const ALIAS_PREFIX = '@demarches/';
const SKIP_DIRS = new Set([
  'node_modules',
  '__tests__',
  '__fixtures__',
  '__mocks__',
  'fixtures',
  'test',
  'generated-test',
]);
const TEST_FILE = /\.(spec|int-spec|e2e-spec|test)\.ts$/;
const ASSET_SKIP = /(\.ts|\.tsbuildinfo|\.md|\.snap)$|^\.|^(tsconfig|project|jest)[.\w-]*\.json$/;

function fail(message) {
  console.error(`build-service: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { service: undefined, outDir: undefined, quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--out-dir') args.outDir = argv[++i];
    else if (a === '--quiet') args.quiet = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tools/build/build-service.mjs <service> [--out-dir <dir>] [--quiet]');
      process.exit(0);
    } else if (!args.service) args.service = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!args.service) fail('missing <service> (e.g. geo)');
  if (!/^[a-z][a-z0-9-]*$/.test(args.service)) fail(`invalid service name ${args.service}`);
  return args;
}

function loadAliases() {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8'));
  const { baseUrl = '.', paths = {} } = tsconfig.compilerOptions ?? {};
  const aliases = new Map();
  for (const [alias, targets] of Object.entries(paths)) {
    if (alias.includes('*'))
      fail(`wildcard path alias ${alias} is not supported; map each library explicitly`);
    aliases.set(alias, path.resolve(ROOT, baseUrl, targets[0]));
  }
  return aliases;
}

const isFile = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

// Node/TypeScript resolution of a relative or aliased specifier to a source file.
function resolveSource(base) {
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.js`,
    `${base}.json`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.js'),
  ];
  if (base.endsWith('.js')) candidates.unshift(`${base.slice(0, -3)}.ts`); // `./x.js` written for ESM-style imports
  return candidates.find((c) => isFile(c) && !c.endsWith('.d.ts'));
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const serviceRoot = path.join(ROOT, 'services', args.service, 'src');
  const entry = path.join(serviceRoot, 'main.ts');
  if (!isFile(entry)) fail(`no entry point ${path.relative(ROOT, entry)}`);
  const outDir = path.resolve(ROOT, args.outDir ?? path.join('dist', 'services', args.service));
  const libsRoot = path.join(ROOT, 'libs');
  const aliases = loadAliases();
  // The image installs `dependencies` only (npm ci --omit=dev): a runtime import of anything else would build here
  // and crash in production.
  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const prodDeps = new Set(Object.keys(rootPkg.dependencies ?? {}));
  const packageOf = (spec) =>
    spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

  // Maps a source file to its output file; only the service's src and libs/ are compiled.
  const outputOf = (src) => {
    const rel = path.relative(serviceRoot, src);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return path.join(outDir, rel).replace(/\.ts$/, '.js');
    const relLib = path.relative(libsRoot, src);
    if (!relLib.startsWith('..') && !path.isAbsolute(relLib))
      return path.join(outDir, 'libs', relLib).replace(/\.ts$/, '.js');
    return undefined;
  };
  // The src/ folder of the library (or service) a file belongs to: its assets are copied.
  const sourceRootOf = (src) => {
    if (!path.relative(serviceRoot, src).startsWith('..')) return serviceRoot;
    const parts = path.relative(libsRoot, src).split(path.sep);
    const i = parts.indexOf('src');
    return i > 0 ? path.join(libsRoot, ...parts.slice(0, i + 1)) : undefined;
  };

  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const swcOptions = (filename) => ({
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    sourceFileName: path.relative(path.dirname(outputOf(filename)), filename),
    module: { type: 'commonjs', strict: false, noInterop: false },
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      target: 'es2022',
      keepClassNames: true,
      // Same semantics as tsc with experimentalDecorators + emitDecoratorMetadata (tsconfig.base.json).
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    },
  });

  const queue = [entry];
  const seen = new Set(queue);
  const usedRoots = new Set([serviceRoot]);
  const errors = [];
  // Also compile every non-test .ts of the service itself: it may load some of its files by computed path.
  (function walk(dir) {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (!SKIP_DIRS.has(d.name)) walk(p);
      } else if (
        d.name.endsWith('.ts') &&
        !d.name.endsWith('.d.ts') &&
        !TEST_FILE.test(d.name) &&
        !seen.has(p)
      ) {
        seen.add(p);
        queue.push(p);
      }
    }
  })(serviceRoot);

  const REQUIRE = /\brequire\((["'])([^"'\n]+)\1\)/g;
  while (queue.length > 0) {
    const src = queue.shift();
    const out = outputOf(src);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (!src.endsWith('.ts')) {
      fs.copyFileSync(src, out);
      continue;
    } // .json data or a plain .js file
    let result;
    try {
      result = swc.transformFileSync(src, swcOptions(src));
    } catch (e) {
      errors.push(`${path.relative(ROOT, src)}: ${e.message ?? e}`);
      continue;
    }
    const code = result.code.replace(REQUIRE, (whole, quote, spec) => {
      let target;
      if (spec.startsWith('.')) target = resolveSource(path.resolve(path.dirname(src), spec));
      else if (aliases.has(spec)) target = aliases.get(spec);
      else if (spec.startsWith(ALIAS_PREFIX)) {
        errors.push(
          `${path.relative(ROOT, src)}: ${spec} is not a path alias of tsconfig.base.json (deep imports are not allowed)`,
        );
        return whole;
      } else {
        // A package from node_modules or a node: builtin.
        if (!isBuiltin(spec) && !prodDeps.has(packageOf(spec))) {
          errors.push(
            `${path.relative(ROOT, src)}: imports ${spec} at run time, but ${packageOf(spec)} is not in package.json "dependencies" (the image installs production dependencies only)`,
          );
        }
        return whole;
      }
      if (!target || !isFile(target)) {
        errors.push(`${path.relative(ROOT, src)}: cannot resolve ${spec}`);
        return whole;
      }
      const targetOut = outputOf(target);
      if (!targetOut) {
        errors.push(
          `${path.relative(ROOT, src)}: ${spec} resolves outside services/${args.service}/src and libs/ (${path.relative(ROOT, target)})`,
        );
        return whole;
      }
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
      const root = sourceRootOf(target);
      if (root) usedRoots.add(root);
      let rel = path.relative(path.dirname(out), targetOut).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `require(${quote}${rel}${quote})`;
    });
    fs.writeFileSync(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
    fs.writeFileSync(`${out}.map`, result.map);
  }

  // Non-TypeScript assets of every source root in use (templates, data files), same relative layout.
  let assets = 0;
  for (const root of usedRoots) {
    (function copyAssets(dir) {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) {
          if (!SKIP_DIRS.has(d.name)) copyAssets(p);
          continue;
        }
        if (ASSET_SKIP.test(d.name)) continue;
        const dest = outputOf(p);
        if (fs.existsSync(dest)) continue;
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(p, dest);
        assets += 1;
      }
    })(root);
  }

  if (errors.length > 0) {
    fs.rmSync(outDir, { recursive: true, force: true });
    fail(`${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  }

  // Last safety net: no alias may survive in the output.
  const leftovers = [];
  (function scan(dir) {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) scan(p);
      else if (d.name.endsWith('.js') && /require\(["']@demarches\//.test(fs.readFileSync(p, 'utf8')))
        leftovers.push(p);
    }
  })(outDir);
  if (leftovers.length > 0) fail(`unresolved @demarches/ imports remain in ${leftovers.join(', ')}`);

  fs.writeFileSync(
    path.join(outDir, 'package.json'),
    `${JSON.stringify({ name: `@demarches/${args.service}-dist`, private: true, type: 'commonjs', main: 'main.js' }, null, 2)}\n`,
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!args.quiet) {
    console.log(
      `build-service: ${args.service} -> ${path.relative(ROOT, outDir)}/main.js (${seen.size} modules, ${assets} assets, ${ms.toFixed(0)} ms)`,
    );
  }
}

main();
