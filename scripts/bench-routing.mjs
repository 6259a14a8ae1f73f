// Routing benchmark (npm run bench:routing), on MySQL/MariaDB with BENCH_REPORTS (1,000,000)
// reports seeded over the past year:
//
//   (i)   one month's public ranking: server/dist/stats computeRankings on a DataSource, and
//         GET /api/v1/public/rankings on the real server — target < 2 s; and, for information,
//         the staff statistics routes over the same month
//   (ii)  the category classifier alone: predictions per second, latency of one prediction
//   (iii) routing per report, database included: POST /api/v1/reports without a category
//         (the server classifies and routes), 1 connection and BENCH_CONNECTIONS connections
//   (iv)  voice reports transcribed on the server, against the local Tencent ASR fake: latency
//         per clip, transcription jobs per second, a voice-only report's time to its department
//
// Settings: BENCH_DATABASE (minqing_bench_routing; recreated), BENCH_REPORTS, BENCH_DURATION
// (s per load), BENCH_CONNECTIONS, BENCH_RANKING_RUNS, BENCH_RANKING_REQUESTS,
// BENCH_CLASSIFY_SAMPLES, BENCH_ASR_CLIPS, BENCH_ASR_BATCH, BENCH_ASR_SAMPLES. The server runs as
// a child process and is always stopped.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// Its own database: never the one bench:server or the tests use. Set before config.mjs reads it.
process.env.BENCH_DATABASE ??= 'minqing_bench_routing';
const { repoRoot, settings } = await import('./bench/config.mjs');
const { measureClassifier } = await import('./bench/classifier.mjs');
const { closeAgents, postJson } = await import('./bench/http.mjs');
const { outputOf, stopAll, stopChild, stopChildrenOnExit } = await import('./bench/processes.mjs');
const { STAFF_STATS_VARIANTS, explainStatements, previousMonth, timeFigures, timeRankingsBothWays, timeStaffStats } =
  await import('./bench/rankings.mjs');
const { runRoutingLoad } = await import('./bench/routingLoad.mjs');
const { SPOKEN, loadFakeTencentAsr, measureTranscription } = await import('./bench/transcription.mjs');
const { seedRankingExtras } = await import('./bench/seedRankingExtras.mjs');
const { loadReferenceData, seedReports } = await import('./bench/seedReports.mjs');
const { benchPool, resetDatabase, startRealServer } = await import('./bench/serverSetup.mjs');
const { formatNumber, renderTable, round } = await import('./bench/stats.mjs');

const SUBMIT_VILLAGE = '610921100201'; // 城关镇五一村
const DEMO_PASSWORD = 'Demo@321';
const TARGET_RANKING_MS = 2_000;
const log = (message) => console.error(`[bench] ${message}`);

function integer(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

const options = {
  rankingRuns: integer('BENCH_RANKING_RUNS', 5),
  rankingRequests: integer('BENCH_RANKING_REQUESTS', 10),
  classifySamples: integer('BENCH_CLASSIFY_SAMPLES', 5_000),
  asrClips: integer('BENCH_ASR_CLIPS', 100),
  asrBatch: integer('BENCH_ASR_BATCH', 50),
  asrSamples: integer('BENCH_ASR_SAMPLES', 20),
};

async function countRows(pool, table) {
  const [[row]] = await pool.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
  return Number(row.n);
}

async function seed(pool) {
  const reference = await loadReferenceData(pool);
  const count = settings.reports;
  log(
    `seeding ${count.toLocaleString('en-US')} reports over the past year in batches of ${settings.seedBatchRows}, ${settings.seedParallel} in parallel`,
  );
  let nextProgress = 0.1;
  const seedSeconds = await seedReports(pool, reference, {
    count,
    batchRows: settings.seedBatchRows,
    parallel: settings.seedParallel,
    onProgress: (done, seconds) => {
      if (done / count < nextProgress) return;
      nextProgress += 0.1;
      log(`  ${done.toLocaleString('en-US')} rows, ${seconds.toFixed(1)} s`);
    },
  });
  const extrasStarted = performance.now();
  const extras = await seedRankingExtras(pool);
  // A deployment's statistics are current (InnoDB refreshes them after 10 % of a table changes).
  await pool.query('ANALYZE TABLE reports, report_events');
  const extrasSeconds = (performance.now() - extrasStarted) / 1000;
  log(
    `seeded in ${seedSeconds.toFixed(1)} s; ${extras.returnEvents} return events and ${extras.repeatComplaints} repeat complaints (+ ANALYZE) in ${extrasSeconds.toFixed(1)} s`,
  );
  return { seedSeconds, extrasSeconds, ...extras, reports: await countRows(pool, 'reports') };
}

/** (i) The same month through the function and through HTTP; both must tell the same totals. */
async function measureRankings(pool, baseUrl) {
  const month = previousMonth();
  const {
    direct,
    http,
    summary: directSummary,
    agree,
  } = await timeRankingsBothWays({
    repoRoot,
    databaseUrl: settings.databaseUrl,
    baseUrl,
    month,
    runs: options.rankingRuns,
    requests: options.rankingRequests,
    log,
    label: '(i)',
  });
  const statements = await explainStatements(pool, direct.statements);
  log('(i) staff statistics over the same month');
  const staffTokens = await signInStaff(baseUrl, [...new Set(STAFF_STATS_VARIANTS.map(([, username]) => username))]);
  const staff = await timeStaffStats({ baseUrl, tokens: staffTokens, month, warmup: 1, requests: 5 });
  return {
    month,
    direct: timeFigures(direct.times),
    http: { ...timeFigures(http.times), bytes: http.bytes },
    summary: directSummary,
    agree,
    statements,
    staff,
  };
}

async function signInStaff(baseUrl, usernames) {
  const tokens = new Map();
  for (const username of usernames) {
    try {
      tokens.set(
        username,
        (await postJson(`${baseUrl}/api/v1/staff/auth/login`, { username, password: DEMO_PASSWORD })).token,
      );
    } catch (error) {
      log(`staff ${username} cannot sign in: ${error.message}`);
    }
  }
  return tokens;
}

async function signInCitizens(baseUrl, count) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      postJson(`${baseUrl}/api/v1/auth/dev-login`, {
        openid: `bench-routing-citizen-${String(index).padStart(3, '0')}`,
      }).then((answer) => answer.token),
    ),
  );
}

/** (iii) One submission first, so a broken route shows its answer before the load. */
async function measureRouting(baseUrl) {
  const tokens = await signInCitizens(baseUrl, settings.citizens);
  const probe = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens[0]}`,
      'idempotency-key': `route-probe-${Date.now()}`,
    },
    body: JSON.stringify({ serviceCode: 'direct', villageCode: SUBMIT_VILLAGE, text: '组上停电从早上到现在还没来' }),
  });
  const probeBody = await probe.text();
  log(`(iii) probe answered ${probe.status}: ${probeBody.slice(0, 200)}…`);
  const runs = [];
  for (const connections of [1, settings.connections]) {
    log(`(iii) POST /api/v1/reports without categoryCode: ${connections} connection(s) for ${settings.duration} s`);
    const result = await runRoutingLoad({
      label: `r${connections}`,
      baseUrl,
      tokens,
      villageCode: SUBMIT_VILLAGE,
      duration: settings.duration,
      connections,
    });
    log(
      `(iii) ${connections}: ${formatNumber(result.rps)} rps, p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, ${result.errors} errors, outcomes ${JSON.stringify(result.outcomes)}`,
    );
    for (const sample of result.errorSamples) log(`  error body: ${sample}`);
    runs.push(result);
  }
  return runs;
}

/** (iv) The server's Tencent ASR client (server/dist) against the fake the server also uses. */
async function measureAsr(fake, pool, baseUrl) {
  const require = createRequire(import.meta.url);
  const { asrConfigFrom } = require(path.join(repoRoot, 'server', 'dist', 'integrations', 'asr', 'asrConfig.js'));
  const { TencentAsrClient } = require(
    path.join(repoRoot, 'server', 'dist', 'integrations', 'asr', 'tencentAsrClient.js'),
  );
  const client = new TencentAsrClient(asrConfigFrom(fake.env));
  return measureTranscription({
    fake,
    client,
    pool,
    baseUrl,
    tokens: await signInCitizens(baseUrl, 10),
    villageCode: SUBMIT_VILLAGE,
    clips: options.asrClips,
    batch: options.asrBatch,
    samples: options.asrSamples,
    log,
  });
}

async function runBenchmark() {
  const started = performance.now();
  const database = await resetDatabase(settings);
  log(`database ${settings.database} recreated on MariaDB/MySQL ${database.version}`);
  const { startFakeTencentAsr } = await loadFakeTencentAsr(repoRoot);
  const fake = await startFakeTencentAsr({ answer: SPOKEN });
  log(`(iv) Tencent ASR fake at ${fake.url}`);
  const server = await startRealServer({ settings, repoRoot, log, env: fake.env });
  const pool = benchPool(settings);
  try {
    const seeded = await seed(pool);
    const rankings = await measureRankings(pool, server.baseUrl);
    log('(ii) classifier');
    const classifier = await measureClassifier({ repoRoot, samples: options.classifySamples, warmup: 200 });
    if (classifier.skipped) log(`(ii) ${classifier.skipped}: ${classifier.detail}`);
    const routing = await measureRouting(server.baseUrl);
    if (routing.some((run) => run.errors > 0)) log(`server output tail:\n${outputOf(server.handle)}`);
    log('(iv) transcription');
    const transcription = await measureAsr(fake, pool, server.baseUrl);
    return {
      database,
      seeded,
      rankings,
      classifier,
      routing,
      transcription,
      benchSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pool.end();
    await stopChild(server.handle);
    await fake.close();
  }
}

const ms = (value) => formatNumber(value, 1);
const verdict = (ok) => (ok ? 'OK' : 'MISS');

function printReport(run) {
  const { seeded, rankings, classifier, routing, transcription } = run;
  const rankingOk = Math.max(rankings.direct.p95, rankings.http.p95) < TARGET_RANKING_MS;
  console.log('');
  console.log(
    `321 民情在线 — routing benchmark · ${os.cpus().length} CPU · node ${process.version} · ${run.database.version} ` +
      `(buffer pool ${Math.round(Number(run.database.bufferPool) / 1048576)} MB) · ${seeded.reports.toLocaleString('en-US')} reports`,
  );
  console.log('');
  const rows = [
    [
      `seed ${settings.reports.toLocaleString('en-US')} reports, ${seeded.returnEvents.toLocaleString('en-US')} returns, ${seeded.repeatComplaints.toLocaleString('en-US')} repeat`,
      '',
      `${formatNumber(seeded.seedSeconds + seeded.extrasSeconds)} s`,
      '',
      '',
      '',
      '',
      '',
    ],
    [
      `(i) computeRankings(${rankings.month}) on a DataSource`,
      rankings.direct.runs,
      `first ${ms(rankings.direct.first)} ms`,
      ms(rankings.direct.p50),
      ms(rankings.direct.p95),
      ms(rankings.direct.max),
      '< 2 s',
      verdict(rankings.direct.p95 < TARGET_RANKING_MS),
    ],
    [
      `(i) GET /api/v1/public/rankings?month=${rankings.month}`,
      rankings.http.runs,
      `${formatNumber(rankings.http.bytes / 1024)} kB`,
      ms(rankings.http.p50),
      ms(rankings.http.p95),
      ms(rankings.http.max),
      '< 2 s',
      verdict(rankings.http.p95 < TARGET_RANKING_MS),
    ],
    ...rankings.staff.map((variant) =>
      variant.skipped
        ? [`(i) staff stats, ${variant.label}`, '', variant.skipped, '', '', '', '', '']
        : [
            `(i) staff stats, ${variant.label}`,
            variant.runs,
            '',
            ms(variant.p50),
            ms(variant.p95),
            ms(variant.max),
            '',
            '',
          ],
    ),
    classifier.skipped
      ? ['(ii) classifier: predict({text})', '', classifier.skipped, '', '', '', '', '']
      : [
          `(ii) classifier: predict({text}), ${classifier.texts} texts`,
          classifier.samples,
          `${formatNumber(classifier.perSecond, 0)} /s`,
          ms(classifier.p50),
          ms(classifier.p95),
          ms(classifier.p99),
          '',
          '',
        ],
    ...routing.map((result) => [
      `(iii) POST /api/v1/reports, no category, ×${result.connections}`,
      result.completed,
      `${formatNumber(result.rps)} rps`,
      ms(result.p50),
      ms(result.p95),
      ms(result.p99),
      `errors ${result.errors}`,
      result.routedShare === null ? '' : `routed ${(result.routedShare * 100).toFixed(0)} %`,
    ]),
    [
      `(iv) ASR client → fake, one ${formatNumber(transcription.clipBytes / 1024, 0)} kB WAV`,
      transcription.clip.n,
      '',
      ms(transcription.clip.p50),
      ms(transcription.clip.p95),
      ms(transcription.clip.max),
      '',
      '',
    ],
    [
      `(iv) transcription jobs, ${transcription.batch.reports} voice reports at once`,
      transcription.batch.reports,
      `${formatNumber(transcription.batch.jobsPerSecond)} jobs/s`,
      '',
      '',
      '',
      `ASR calls ${transcription.batch.asrCalls}`,
      `routed ${transcription.batch.routed}`,
    ],
    [
      '(iv) voice-only report: submission → department',
      transcription.toDepartment.n,
      '',
      ms(transcription.toDepartment.p50),
      ms(transcription.toDepartment.p95),
      ms(transcription.toDepartment.max),
      `misses ${transcription.toDepartment.misses}`,
      '',
    ],
  ];
  console.log(renderTable(['measure', 'runs', 'value', 'p50 ms', 'p95 ms', 'max/p99 ms', 'target', 'verdict'], rows));
  console.log(
    `(i) ranking of ${rankings.month}: ${JSON.stringify(rankings.summary)}; function and route agree: ${rankings.agree ? 'yes' : 'NO'}`,
  );
  if (classifier.skipped) console.log(`(ii) ${classifier.skipped}: ${classifier.detail}`);
  else
    console.log(
      `(ii) model loaded in ${ms(classifier.loadMs)} ms; texts from ${classifier.source}; e.g. ${JSON.stringify(classifier.example)}`,
    );
  console.log(
    '(iii) max/p99 column is p99; "routed" = answered dispatched (classified above the threshold and routed) rather than left for triage.',
  );

  console.log('');
  console.log('SQL computeRankings runs (EXPLAIN; statement alone, median ms):');
  const planRows = rankings.statements.flatMap((statement) =>
    statement.plan.map((step, index) => [
      index === 0 ? statement.kind : '',
      step.table,
      step.key ?? '(none)',
      step.type,
      step.rows.toLocaleString('en-US'),
      step.extra ?? '',
      index === 0 ? ms(statement.medianMs) : '',
    ]),
  );
  console.log(renderTable(['stmt', 'table', 'key', 'type', 'est. rows', 'extra', 'median ms'], planRows));
  console.log(`(bench took ${formatNumber(run.benchSeconds / 60)} min)`);

  const json = {
    reports: seeded.reports,
    seedSeconds: round(seeded.seedSeconds + seeded.extrasSeconds),
    rankings: {
      month: rankings.month,
      directMs: {
        first: round(rankings.direct.first),
        p50: round(rankings.direct.p50),
        p95: round(rankings.direct.p95),
        max: round(rankings.direct.max),
      },
      httpMs: { p50: round(rankings.http.p50), p95: round(rankings.http.p95), max: round(rankings.http.max) },
      statementsMs: rankings.statements.map((statement) => ({ [statement.kind]: round(statement.medianMs, 2) })),
      staffStatsMs: rankings.staff.map((variant) => ({
        name: variant.label,
        p50: round(variant.p50 ?? null),
        p95: round(variant.p95 ?? null),
      })),
      agree: rankings.agree,
      ok: rankingOk,
    },
    classifier: classifier.skipped
      ? { skipped: classifier.skipped, detail: classifier.detail }
      : {
          perSecond: round(classifier.perSecond, 0),
          p50: round(classifier.p50, 3),
          p95: round(classifier.p95, 3),
          p99: round(classifier.p99, 3),
          loadMs: round(classifier.loadMs),
        },
    routing: routing.map((result) => ({
      connections: result.connections,
      rps: round(result.rps),
      p50: round(result.p50, 2),
      p95: round(result.p95, 2),
      p99: round(result.p99, 2),
      errors: result.errors,
      routedShare: round(result.routedShare, 3),
    })),
    transcription: {
      clipMs: { p50: round(transcription.clip.p50, 2), p95: round(transcription.clip.p95, 2) },
      jobsPerSecond: round(transcription.batch.jobsPerSecond),
      batch: transcription.batch.reports,
      asrCalls: transcription.batch.asrCalls,
      routed: transcription.batch.routed,
      toDepartmentMs: { p50: round(transcription.toDepartment.p50), p95: round(transcription.toDepartment.p95) },
    },
    targets: { rankingMs: TARGET_RANKING_MS },
  };
  console.log(JSON.stringify(json));
  return rankingOk && routing.every((result) => result.errorRate <= 0.01);
}

stopChildrenOnExit();
try {
  const run = await runBenchmark();
  if (!printReport(run)) process.exitCode = 1;
} catch (error) {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  closeAgents();
  await stopAll();
}
