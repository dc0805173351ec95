// Timing and memory helpers shared by the benchmarks.
import { cpus, loadavg, totalmem } from 'node:os';

export interface LatencyStats {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** queries per second over the whole measured run, one query at a time. */
  throughput: number;
}

export interface Variant {
  name: string;
  run: (query: string) => unknown;
  /** Passes over the query set per round: cheap variants repeat so every variant gets enough samples. */
  repeatsPerRound: number;
}

/**
 * Times every query on its own, for several variants interleaved round by round (after warm-up rounds, so the JIT
 * has compiled the hot paths): on a shared machine the load drifts, and interleaving makes every variant see the
 * same drift instead of one variant measured in a quiet minute and the other in a busy one.
 */
export function measureInterleaved(
  queries: readonly string[],
  variants: readonly Variant[],
  { warmupRounds = 2, rounds = 12 } = {},
): { name: string; stats: LatencyStats }[] {
  const samples = variants.map((): number[] => []);
  const elapsedMs = variants.map(() => 0);
  for (let round = 0; round < warmupRounds + rounds; round += 1) {
    variants.forEach((variant, v) => {
      for (let pass = 0; pass < variant.repeatsPerRound; pass += 1) {
        for (const q of queries) {
          const t0 = process.hrtime.bigint();
          variant.run(q);
          const took = Number(process.hrtime.bigint() - t0) / 1e6;
          if (round < warmupRounds) continue;
          samples[v].push(took);
          elapsedMs[v] += took;
        }
      }
    });
  }
  return variants.map((variant, v) => ({ name: variant.name, stats: statsOf(samples[v], elapsedMs[v]) }));
}

function statsOf(samples: number[], elapsedMs: number): LatencyStats {
  samples.sort((a, b) => a - b);
  const pick = (p: number): number => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return {
    queries: samples.length,
    p50Ms: pick(0.5),
    p95Ms: pick(0.95),
    p99Ms: pick(0.99),
    meanMs: elapsedMs / samples.length,
    // Time spent in the searches only, one query at a time (single-threaded, as a Node process serves them).
    throughput: samples.length / (elapsedMs / 1000),
  };
}

/**
 * Heap used after full collections; needs `node --expose-gc` (bench/run.ts passes it). V8 sweeps concurrently, so
 * a reading taken right after gc() still counts some freed pages: a few gc + pause cycles make it repeatable.
 */
export async function heapUsedAfterGc(): Promise<number> {
  const gc = global.gc;
  if (typeof gc !== 'function') throw new Error('run the benchmark with node --expose-gc (npm run bench)');
  for (let cycle = 0; cycle < 3; cycle += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().heapUsed;
}

export function machineInfo(): Record<string, string> {
  const cpu = cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    // A shared machine running other work inflates every figure; the load says how much to trust them.
    'load average (1 min) at start': loadavg()[0].toFixed(2),
  };
}

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const ms = (value: number): string => (value < 1 ? value.toFixed(3) : value.toFixed(2));
