// Settings of one benchmark run, read once from the environment.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function integer(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const database = process.env.BENCH_DATABASE ?? 'minqing_bench';
// The bench drops and recreates its database: never let it touch anyone else's.
if (!/^minqing_bench\w*$/.test(database))
  throw new Error(`BENCH_DATABASE must start with minqing_bench, got ${database}`);

export const settings = {
  /** Seconds of load for (a) and (c). */
  duration: integer('BENCH_DURATION', 15),
  connections: integer('BENCH_CONNECTIONS', 50),
  /** Distinct signed-in citizens whose tokens the load rotates through. */
  citizens: integer('BENCH_CITIZENS', 50),
  /** Rows in `reports` while the queue is measured. */
  reports: integer('BENCH_REPORTS', 1_000_000),
  seedBatchRows: integer('BENCH_SEED_BATCH', 10_000),
  seedParallel: integer('BENCH_SEED_PARALLEL', 4),
  queueWarmup: integer('BENCH_QUEUE_WARMUP', 20),
  queueRequests: integer('BENCH_QUEUE_REQUESTS', 200),
  /** A slow variant stops early rather than stretch the run past this many seconds. */
  queueBudgetSeconds: integer('BENCH_QUEUE_BUDGET', 60),
  /** The last month's public ranking, after the queue: computeRankings runs, then GETs of the route. */
  rankingRuns: integer('BENCH_RANKING_RUNS', 5),
  rankingRequests: integer('BENCH_RANKING_REQUESTS', 10),
  /** Both submission servers run under node --cpu-prof and the bench prints where their CPU went; `off` skips it. */
  cpuProfile: process.env.BENCH_CPU_PROFILE !== 'off',
  /** `submission` measures (a) and (c) only: no seed, queue or ranking. */
  only: process.env.BENCH_ONLY === 'submission' ? 'submission' : null,
  mysql: { host: '127.0.0.1', port: 3306, user: 'root' },
  database,
  databaseUrl: `mysql://root@127.0.0.1:3306/${database}`,
  // Fresh per run: the bench needs valid secrets, not stable ones.
  tokenSecret: randomBytes(32).toString('hex'),
  dataEncryptionKey: randomBytes(32).toString('hex'),
};

export const targets = {
  /** Submission throughput as a share of the bare Koa + one INSERT ceiling. */
  minRatio: 0.25,
  queueP95Ms: 50,
  /** p95 of the last month's ranking, by the function and by the public route. */
  rankingMs: 2_000,
  maxErrorRate: 0.01,
};
