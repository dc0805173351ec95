#!/usr/bin/env node
// Starts, stops and reports every service of the platform as background processes on this machine.
//   node tools/run/platform.mjs up [service…]     start what is not running, wait until each is ready
//   node tools/run/platform.mjs down [service…]   stop by PID (SIGTERM, then SIGKILL after a bound)
//   node tools/run/platform.mjs status
// `up` first builds the services (tools/build/build-service.mjs, about a second for all) and runs the output, as the
// container image does. PID files live in .infra/run/svc-<name>.pid and logs in .infra/logs/svc-<name>.log.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICES, serviceEnv } from './services.mjs';
import { nodeArgsFor } from './node-args.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const RUN_DIR = join(ROOT, '.infra', 'run');
const LOG_DIR = join(ROOT, '.infra', 'logs');
const READY_TIMEOUT_MS = Number(process.env.SERVICES_READY_TIMEOUT_MS ?? 180_000);
const STOP_TIMEOUT_MS = 20_000;

const pidFile = (service) => join(RUN_DIR, `svc-${service.name}.pid`);
// Children started by this run: an exited child stays a zombie until reaped, so kill(pid, 0) alone cannot tell.
const exitedChildren = new Set();

function runningPid(service) {
  if (!existsSync(pidFile(service))) return null;
  const pid = Number(readFileSync(pidFile(service), 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(pidFile(service), { force: true });
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function isReady(service) {
  try {
    const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function start(service) {
  mkdirSync(RUN_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(join(LOG_DIR, `svc-${service.name}.log`), 'a');
  const child = spawn(process.execPath, nodeArgsFor(service, 'dist'), {
    cwd: ROOT,
    env: { ...process.env, ...serviceEnv(service) },
    stdio: ['ignore', log, log],
    detached: true,
  });
  child.on('exit', () => exitedChildren.add(child.pid));
  child.unref();
  closeSync(log);
  writeFileSync(pidFile(service), String(child.pid));
  return child.pid;
}

async function waitReady(service, pid) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await isReady(service)) return true;
    if (exitedChildren.has(pid) || !isAlive(pid)) {
      throw new Error(`${service.name} exited during start; see .infra/logs/svc-${service.name}.log`);
    }
    await sleep(500);
  }
  throw new Error(
    `${service.name} not ready after ${READY_TIMEOUT_MS} ms; see .infra/logs/svc-${service.name}.log`,
  );
}

async function stop(service) {
  const pid = runningPid(service);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      await sleep(200);
    } catch {
      rmSync(pidFile(service), { force: true });
      return true;
    }
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidFile(service), { force: true });
  return true;
}

function select(names) {
  if (names.length === 0) return SERVICES;
  const unknown = names.filter((name) => !SERVICES.some((service) => service.name === name));
  if (unknown.length) throw new Error(`unknown service(s): ${unknown.join(', ')}`);
  return SERVICES.filter((service) => names.includes(service.name));
}

function build(services) {
  for (const service of services) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'tools', 'build', 'build-service.mjs'), service.name, '--quiet'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
}

async function up(services) {
  const started = Date.now();
  build(services.filter((service) => !runningPid(service)));
  // Start every service at once (they only depend on the infrastructure), then wait for each to be ready.
  const pids = services.map((service) => [service, runningPid(service) ?? start(service)]);
  await Promise.all(
    pids.map(async ([service, pid]) => {
      await waitReady(service, pid);
      console.log(`  ✓ ${service.name.padEnd(13)} ready   http://127.0.0.1:${service.port}  (pid ${pid})`);
    }),
  );
  console.log(`services ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function down(services) {
  for (const service of [...services].reverse()) {
    if (await stop(service)) console.log(`  ■ ${service.name} stopped`);
  }
}

async function status(services) {
  let allReady = true;
  for (const service of services) {
    const pid = runningPid(service);
    const ready = pid ? await isReady(service) : false;
    allReady &&= ready;
    console.log(
      `  ${service.name.padEnd(13)} ${pid ? `running pid ${pid}` : 'stopped'}  ${ready ? 'ready' : 'not ready'}  :${service.port}`,
    );
  }
  return allReady;
}

const [command, ...names] = process.argv.slice(2);
try {
  const services = select(names);
  if (command === 'up') await up(services);
  else if (command === 'down') await down(services);
  else if (command === 'status') process.exitCode = (await status(services)) ? 0 : 1;
  else {
    console.error('usage: platform.mjs up|down|status [service…]');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
