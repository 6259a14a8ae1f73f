// Statistics benchmark (npm run bench:stats), on MySQL/MariaDB with BENCH_REPORTS (1,000,000)
// reports seeded over the past year, as bench:routing seeds them: every request the admin
// dashboard makes (scripts/bench/rankings.mjs STAFF_STATS_VARIANTS) over last month, as the
// county centre and as a township's dispatcher — target ≤ 300 ms each — and the public
// monthly ranking (< 2 s).
//
// Settings: BENCH_DATABASE (minqing_bench_stats; recreated), BENCH_REPORTS, BENCH_STATS_REQUESTS
// (10 per variant), BENCH_REUSE=1 keeps a database that already holds BENCH_REPORTS seeded
// reports (for measuring one change after another; the server still migrates it). The server runs
// without its scheduler; the statistics' day summaries are built once by the scheduler's job, or,
// with BENCH_SUMMARIES=off, left out so every figure is read from the reports, or with
// BENCH_MONTHS=off, the month summaries left out (for comparison).
// Beside each request's times: the statements the server sent, and the CPU of the server (node)
// and of the database threads serving it, per request (bench/diagnostics.mjs).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';

process.env.BENCH_DATABASE ??= 'minqing_bench_stats';
const { repoRoot, settings } = await import('./bench/config.mjs');
const { databasePid, measureCosts, statementCounting } = await import('./bench/diagnostics.mjs');
const { closeAgents, postJson } = await import('./bench/http.mjs');
const { stopAll, stopChild, stopChildrenOnExit } = await import('./bench/processes.mjs');
const { STAFF_STATS_VARIANTS, previousMonth, timeHttpRankings, timeFigures, timeStaffStats } = await import(
  './bench/rankings.mjs'
);
const { seedRankingExtras } = await import('./bench/seedRankingExtras.mjs');
const { loadReferenceData, seedReports } = await import('./bench/seedReports.mjs');
const { benchPool, resetDatabase, startRealServer } = await import('./bench/serverSetup.mjs');
const { formatNumber, renderTable } = await import('./bench/stats.mjs');
const { buildSummaries } = await import('./bench/summaries.mjs');

const TARGET_STATS_MS = 300;
const TARGET_RANKING_MS = 2_000;
const DEMO_PASSWORD = 'Demo@321';
const requests = Number(process.env.BENCH_STATS_REQUESTS ?? 10);
const log = (message) => console.error(`[bench] ${message}`);

async function seededReports(pool) {
  try {
    const [[row]] = await pool.query("SELECT COUNT(*) AS n FROM reports WHERE serialNo LIKE 'BM%'");
    return Number(row.n);
  } catch {
    return 0;
  }
}

async function seed(pool) {
  const started = performance.now();
  log(`seeding ${settings.reports.toLocaleString('en-US')} reports`);
  await seedReports(pool, await loadReferenceData(pool), {
    count: settings.reports,
    batchRows: settings.seedBatchRows,
    parallel: settings.seedParallel,
  });
  await seedRankingExtras(pool);
  await pool.query('ANALYZE TABLE reports, report_events');
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function signIn(baseUrl) {
  const tokens = new Map();
  for (const username of new Set(STAFF_STATS_VARIANTS.map(([, name]) => name)))
    tokens.set(
      username,
      (await postJson(`${baseUrl}/api/v1/staff/auth/login`, { username, password: DEMO_PASSWORD })).token,
    );
  return tokens;
}

async function run() {
  const admin = mysql.createPool({ ...settings.mysql, database: settings.database, timezone: 'Z' });
  const reuse = process.env.BENCH_REUSE === '1' && (await seededReports(admin)) === settings.reports;
  await admin.end();
  if (!reuse) await resetDatabase(settings);
  log(reuse ? `reusing ${settings.database}` : `database ${settings.database} recreated`);
  // No scheduler: a year of seeded reports would have it escalate and auto-close thousands a
  // minute while the requests are timed. The day summaries are built below by its job.
  const counting = statementCounting('server');
  const server = await startRealServer({
    settings,
    repoRoot,
    log,
    nodeArgs: counting.nodeArgs,
    env: { SCHEDULER: 'off', ...counting.env },
  });
  const pool = benchPool(settings);
  try {
    if (!reuse) await seed(pool);
    if (process.env.BENCH_SUMMARIES === 'off') {
      // Without the job's state every figure is read from the reports, as before the summaries.
      await pool.query('DELETE FROM stats_summary_state');
      log('day summaries off: every figure from the reports');
    } else {
      const summaries = await buildSummaries({ repoRoot, databaseUrl: settings.databaseUrl });
      log(`day summaries: ${summaries.days} days built in ${summaries.seconds.toFixed(1)} s`);
      if (process.env.BENCH_MONTHS === 'off') {
        // Without month summaries every summarised day is read from the day summaries (for comparison).
        await pool.query('DELETE FROM stats_summarised_months');
        log('month summaries off: summarised days from the day summaries');
      }
    }
    const [[{ n: reports }]] = await pool.query('SELECT COUNT(*) AS n FROM reports');
    const month = previousMonth();
    log(`dashboard requests over ${month}, ${requests} each`);
    const target = {
      server: server.handle.child.pid,
      database: await databasePid(pool),
      databaseName: settings.database,
      counting,
    };
    const staff = await timeStaffStats({
      baseUrl: server.baseUrl,
      tokens: await signIn(server.baseUrl),
      month,
      warmup: 1,
      requests,
      measure: (work) => measureCosts(pool, target, work),
    });
    log(`GET /api/v1/public/rankings?month=${month}`);
    const ranking = await timeHttpRankings({ baseUrl: server.baseUrl, month, warmup: 1, requests });
    const load = os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(', ');
    return { reports: Number(reports), month, staff, ranking: timeFigures(ranking.times), load };
  } finally {
    await pool.end();
    await stopChild(server.handle);
  }
}

const ms = (value) => formatNumber(value, 1);

function print({ reports, month, staff, ranking, load }) {
  console.log('');
  console.log(`321 民情在线 — statistics benchmark · ${reports.toLocaleString('en-US')} reports · ${month}`);
  console.log(`load average at the end (1, 5, 15 min): ${load}`);
  console.log('');
  const rows = staff.map((variant) => [
    variant.label,
    variant.runs,
    ms(variant.p50),
    ms(variant.p95),
    ms(variant.max),
    formatNumber(variant.costs?.statements, 1),
    formatNumber(variant.costs?.serverCpuMs, 1),
    formatNumber(variant.costs?.databaseCpuMs, 1),
    `≤ ${TARGET_STATS_MS}`,
    variant.p95 <= TARGET_STATS_MS ? 'OK' : 'MISS',
  ]);
  rows.push([
    `public rankings ${month}`,
    ranking.runs,
    ms(ranking.p50),
    ms(ranking.p95),
    ms(ranking.max),
    '',
    '',
    '',
    `< ${TARGET_RANKING_MS}`,
    ranking.p95 < TARGET_RANKING_MS ? 'OK' : 'MISS',
  ]);
  console.log(
    renderTable(
      [
        'GET',
        'runs',
        'p50 ms',
        'p95 ms',
        'max ms',
        'stmts/req',
        'node CPU ms/req',
        'DB CPU ms/req',
        'target',
        'verdict',
      ],
      rows,
    ),
  );
  return staff.every((variant) => variant.p95 <= TARGET_STATS_MS) && ranking.p95 < TARGET_RANKING_MS;
}

stopChildrenOnExit();
try {
  if (!print(await run())) process.exitCode = 1;
} catch (error) {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  closeAgents();
  await stopAll();
}
