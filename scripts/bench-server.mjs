// Server benchmark (npm run bench:server): report submission against a bare Koa + INSERT
// ceiling, and the staff work queue with BENCH_REPORTS rows in the table. See scripts/bench/.
//
//   (a) POST /api/v1/reports on the real server (server/dist), autocannon in this process
//   (c) the same load against a bare Koa app doing one INSERT per request
//   (b) GET /api/v1/staff/reports, sequential, after bulk-seeding the reports table
//   (r) last month's public ranking over the same table: computeRankings and GET /public/rankings
//
// Per submission it prints the SQL statements and CPU ms of server and database, and, unless
// BENCH_CPU_PROFILE=off, where (a)'s and (c)'s node CPU went under load (bench/cpuProfile.mjs).
//
// Servers run as child processes so they get their own core time; they are always stopped.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot, settings, targets } from './bench/config.mjs';
import { monotonicMicros, profileIn, profilingArgs, summarizeProfile } from './bench/cpuProfile.mjs';
import { databasePid, measureCosts, statementCounting } from './bench/diagnostics.mjs';
import { closeAgents, postJson } from './bench/http.mjs';
import { runSubmissionLoad } from './bench/load.mjs';
import {
  freePort,
  outputOf,
  startChild,
  stopAll,
  stopChild,
  stopChildrenOnExit,
  waitForHealth,
} from './bench/processes.mjs';
import { captureQueueSql, explainAndTime, measureQueue } from './bench/queue.mjs';
import { monthDays, previousMonth, timeFigures, timeRankingsBothWays } from './bench/rankings.mjs';
import { seedRankingExtras } from './bench/seedRankingExtras.mjs';
import { loadReferenceData, seedReports } from './bench/seedReports.mjs';
import { withSecondaryIndexesDeferred } from './bench/deferredIndexes.mjs';
import { benchPool, databaseVersion, resetDatabase, seededReports, startRealServer } from './bench/serverSetup.mjs';
import { buildSummaries } from './bench/summaries.mjs';
import { formatNumber, renderTable, round } from './bench/stats.mjs';

const MAIN_TOWNSHIP = '610921100'; // 城关镇
const SUBMIT_VILLAGE = '610921100201'; // 城关镇五一村, as a villager would pick it
const DEMO_PASSWORD = 'Demo@321';

const log = (message) => console.error(`[bench] ${message}`);

/** The queue variants: [label, staff username, query]. The first is the headline figure. */
const QUEUE_VARIANTS = [
  [
    'county: township + status=dispatched',
    'county',
    { regionCode: MAIN_TOWNSHIP, status: 'dispatched', page: '1', pageSize: '20' },
  ],
  [
    'county: … sort=resolveDueAt',
    'county',
    { regionCode: MAIN_TOWNSHIP, status: 'dispatched', sort: 'resolveDueAt', page: '1', pageSize: '20' },
  ],
  [
    'county: township + 3 open statuses',
    'county',
    { regionCode: MAIN_TOWNSHIP, status: 'dispatched,accepted,reopened', page: '1', pageSize: '20' },
  ],
  ['county: township, any status', 'county', { regionCode: MAIN_TOWNSHIP, page: '1', pageSize: '20' }],
  ['dispatcher: triage queue', 'chengguan', { triage: 'true', page: '1', pageSize: '20' }],
  ['handler: own dept + dispatched', 'gongdian', { status: 'dispatched', page: '1', pageSize: '20' }],
  ['county: whole county + dispatched', 'county', { status: 'dispatched', page: '1', pageSize: '20' }],
];

async function signInCitizens(baseUrl, count) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      postJson(`${baseUrl}/api/v1/auth/dev-login`, { openid: `bench-citizen-${String(index).padStart(3, '0')}` }).then(
        (answer) => answer.token,
      ),
    ),
  );
}

async function signInStaff(baseUrl, usernames) {
  const tokens = new Map();
  for (const username of usernames) {
    try {
      const answer = await postJson(`${baseUrl}/api/v1/staff/auth/login`, { username, password: DEMO_PASSWORD });
      tokens.set(username, answer.token);
    } catch (error) {
      log(`staff ${username} cannot sign in: ${error.message}`);
    }
  }
  return tokens;
}

/** One submission before the load, so a broken route shows its exact answer up front. */
async function probeSubmission(baseUrl, token, categoryCode) {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': `bench-probe-${Date.now()}`,
    },
    body: JSON.stringify({ serviceCode: 'direct', villageCode: SUBMIT_VILLAGE, text: '压测前的试提交', categoryCode }),
  });
  const body = await response.text();
  if (response.status !== 201) log(`probe submission answered ${response.status}: ${body.slice(0, 500)}`);
  else log(`probe submission ok: ${body.slice(0, 160)}…`);
}

async function countRows(pool, table) {
  const [[row]] = await pool.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
  return Number(row.n);
}

function describeLoad(label, result) {
  log(
    `${label}: ${formatNumber(result.rps)} rps, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
      `${result.ok} ok / ${result.errors} failed (${(result.errorRate * 100).toFixed(2)} %), statuses ${JSON.stringify(result.statuses)}`,
  );
  for (const sample of result.errorSamples) log(`  ${label} error body: ${sample}`);
}

/**
 * Fills `reports` up to the wanted size with its secondary indexes dropped: the rows, then what
 * the ranking counts besides them (repeat complaints, return events), then the indexes built once
 * each and the statistics refreshed, as a deployment's would be. Seconds of each step.
 */
async function seedQueueTable(pool, reference, count) {
  if (count === 0)
    return {
      insertSeconds: 0,
      repeatComplaints: 0,
      returnEvents: 0,
      extrasSeconds: 0,
      indexes: 0,
      indexSeconds: 0,
      analyzeSeconds: 0,
      seconds: 0,
    };
  const started = performance.now();
  let nextProgress = 0.1;
  const deferred = await withSecondaryIndexesDeferred(pool, 'reports', async () => {
    const insertSeconds = await seedReports(pool, reference, {
      count,
      batchRows: settings.seedBatchRows,
      parallel: settings.seedParallel,
      onProgress: (done, seconds) => {
        if (done / count < nextProgress) return;
        nextProgress += 0.1;
        log(
          `  ${done.toLocaleString('en-US')} rows, ${seconds.toFixed(1)} s, ${Math.round(done / seconds).toLocaleString('en-US')} rows/s`,
        );
      },
    });
    const extrasStarted = performance.now();
    const extras = await seedRankingExtras(pool);
    log(`  rows in ${insertSeconds.toFixed(1)} s; building the secondary indexes`);
    return { insertSeconds, ...extras, extrasSeconds: (performance.now() - extrasStarted) / 1000 };
  });
  const analyzeStarted = performance.now();
  await pool.query('ANALYZE TABLE reports, report_events');
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
  return {
    ...deferred.loaded,
    indexes: deferred.indexes,
    indexSeconds: deferred.indexSeconds,
    analyzeSeconds,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * How many summary rows last month has: the ranking reads the month's rows when the job has summed
 * the whole month, and its day rows (with the open-deadline rows) otherwise.
 */
async function summaryRowsOf(pool, month) {
  const { from, to } = monthDays(month);
  const counts = [
    ['stats_month_summaries', 'SELECT COUNT(*) AS n FROM stats_month_summaries WHERE month = ?', [month]],
    ['stats_day_summaries', 'SELECT COUNT(*) AS n FROM stats_day_summaries WHERE day BETWEEN ? AND ?', [from, to]],
    ['stats_open_deadlines', 'SELECT COUNT(*) AS n FROM stats_open_deadlines WHERE day BETWEEN ? AND ?', [from, to]],
  ];
  const rows = {};
  for (const [table, sql, values] of counts) {
    const [[row]] = await pool.query(sql, values).catch(() => [[{ n: null }]]);
    rows[table] = row.n === null ? null : Number(row.n);
  }
  return rows;
}

/** (r) Last month's ranking, by the server's own function and by the public route; both must agree. */
async function measureRankings(baseUrl) {
  const month = previousMonth();
  const { direct, http, summary, agree } = await timeRankingsBothWays({
    repoRoot,
    databaseUrl: settings.databaseUrl,
    baseUrl,
    month,
    runs: settings.rankingRuns,
    requests: settings.rankingRequests,
    log,
    label: '(r)',
  });
  return { month, direct: timeFigures(direct.times), http: timeFigures(http.times), summary, agree };
}

/** Runs a load and notes its window on the monotonic clock, to cut the server's CPU profile to it. */
async function underProfile(work) {
  const from = monotonicMicros();
  const result = await work();
  result.window = { from, to: monotonicMicros() };
  return result;
}

async function runBenchmark() {
  const benchStarted = performance.now();
  const reuse = process.env.BENCH_REUSE === '1' && (await seededReports(settings)) > 0;
  const mariadb = reuse ? await databaseVersion(settings) : await resetDatabase(settings);
  log(`database ${settings.database} ${reuse ? 'reused' : 'recreated'} on MariaDB/MySQL ${mariadb.version}`);

  const serverProfile = settings.cpuProfile ? profilingArgs('server') : null;
  const serverCounting = statementCounting('server');
  // No scheduler: over a year of seeded reports it would escalate and auto-close thousands a
  // minute, and summarise days the seed has not filled yet. The day summaries are built below by its job.
  const server = await startRealServer({
    settings,
    repoRoot,
    log,
    nodeArgs: [...serverCounting.nodeArgs, ...(serverProfile?.nodeArgs ?? [])],
    env: { SCHEDULER: 'off', ...serverCounting.env },
  });
  const pool = benchPool(settings);
  try {
    const reference = await loadReferenceData(pool);
    const villageCode = reference.villages.some((village) => village.code === SUBMIT_VILLAGE)
      ? SUBMIT_VILLAGE
      : reference.villages[0].code;
    // Categories that route to a department in every village: those reports are dispatched at once.
    const categoryCodes = reference.routable.map((category) => category.code);

    const tokens = await signInCitizens(server.baseUrl, settings.citizens);
    log(`${tokens.length} citizens signed in; ${categoryCodes.length} routable categories`);
    await probeSubmission(server.baseUrl, tokens[0], categoryCodes[0]);
    // And one the classifier routes, so what it loads on first use is loaded before the load.
    await probeSubmission(server.baseUrl, tokens[0], undefined);

    // (a) the real submission route
    const load = { tokens, categoryCodes, villageCode, duration: settings.duration, connections: settings.connections };
    log(`(a) POST /api/v1/reports: ${settings.connections} connections for ${settings.duration} s`);
    const dbPid = await databasePid(pool);
    const rowsBeforeA = await countRows(pool, 'reports');
    const serverTarget = {
      server: server.handle.child.pid,
      database: dbPid,
      databaseName: settings.database,
      counting: serverCounting,
    };
    const submission = await measureCosts(pool, serverTarget, () =>
      underProfile(() => runSubmissionLoad({ label: 'a', baseUrl: server.baseUrl, ...load })),
    );
    submission.rowsWritten = (await countRows(pool, 'reports')) - rowsBeforeA;
    describeLoad('(a)', submission);
    // Requests still in flight when autocannon stops are completed by the server but not counted.
    if (submission.rowsWritten < submission.ok || submission.rowsWritten > submission.ok + settings.connections) {
      log(`(a) WARNING: ${submission.ok} answers 2xx but ${submission.rowsWritten} rows written`);
    }
    if (submission.errors > 0) log(`(a) server output tail:\n${outputOf(server.handle)}`);

    // (c) the ceiling: same load, bare Koa + one INSERT into a table shaped like reports
    await pool.query('DROP TABLE IF EXISTS bench_ceiling');
    await pool.query('CREATE TABLE bench_ceiling LIKE reports');
    const ceilingPort = await freePort();
    const ceilingProfile = settings.cpuProfile ? profilingArgs('ceiling') : null;
    const ceilingCounting = statementCounting('ceiling');
    const ceilingServer = startChild('ceiling', path.join(repoRoot, 'scripts', 'bench', 'ceilingServer.mjs'), {
      cwd: repoRoot,
      nodeArgs: [...ceilingCounting.nodeArgs, ...(ceilingProfile?.nodeArgs ?? [])],
      env: { PORT: String(ceilingPort), DATABASE_URL: settings.databaseUrl, ...ceilingCounting.env },
    });
    const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
    await waitForHealth(ceilingServer, `${ceilingUrl}/healthz`, 30_000);
    log(`(c) ceiling (bare Koa + 1 INSERT): ${settings.connections} connections for ${settings.duration} s`);
    const ceilingTarget = { ...serverTarget, server: ceilingServer.child.pid, counting: ceilingCounting };
    const ceiling = await measureCosts(pool, ceilingTarget, () =>
      underProfile(() => runSubmissionLoad({ label: 'c', baseUrl: ceilingUrl, ...load })),
    );
    ceiling.rowsWritten = await countRows(pool, 'bench_ceiling');
    describeLoad('(c)', ceiling);
    if (ceiling.errors > 0) log(`(c) ceiling output tail:\n${outputOf(ceilingServer)}`);
    await stopChild(ceilingServer);
    if (settings.only === 'submission') {
      const profiles = { submission: serverProfile, ceiling: ceilingProfile };
      return { mariadb, submission, ceiling, profiles, benchSeconds: (performance.now() - benchStarted) / 1000 };
    }

    // (b) the work queue over N reports
    const existing = await countRows(pool, 'reports');
    const toSeed = Math.max(0, settings.reports - existing);
    log(
      `(b) seeding ${toSeed.toLocaleString('en-US')} reports (${existing} already there) in batches of ${settings.seedBatchRows}, ${settings.seedParallel} in parallel, secondary indexes deferred`,
    );
    const seeded = await seedQueueTable(pool, reference, toSeed);
    seeded.loadAverage = os.loadavg()[0];
    const reportsInTable = await countRows(pool, 'reports');
    log(
      `seeded in ${seeded.seconds.toFixed(1)} s (rows ${seeded.insertSeconds.toFixed(1)} s, ${seeded.returnEvents.toLocaleString('en-US')} returns and ` +
        `${seeded.repeatComplaints.toLocaleString('en-US')} repeat complaints ${seeded.extrasSeconds.toFixed(1)} s, ${seeded.indexes} indexes ` +
        `${seeded.indexSeconds.toFixed(1)} s, ANALYZE ${seeded.analyzeSeconds.toFixed(1)} s); reports now holds ${reportsInTable.toLocaleString('en-US')} rows`,
    );

    const staffTokens = await signInStaff(server.baseUrl, [...new Set(QUEUE_VARIANTS.map(([, username]) => username))]);
    const variants = [];
    let queueLoad = null;
    for (const [label, username, query] of QUEUE_VARIANTS) {
      const token = staffTokens.get(username);
      if (!token) {
        variants.push({ label, username, query, skipped: `${username} cannot sign in` });
        continue;
      }
      const figures = await measureCosts(pool, serverTarget, async () => {
        const measured = await underProfile(() =>
          measureQueue({
            baseUrl: server.baseUrl,
            token,
            query,
            warmup: settings.queueWarmup,
            requests: settings.queueRequests,
            budgetSeconds: settings.queueBudgetSeconds,
          }),
        );
        return { ...measured, ok: measured.sent };
      });
      log(
        `(b) ${label}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms over ${figures.requests} requests; total ${figures.total}; ` +
          `per request node CPU ${formatNumber(figures.costs.serverCpuMs, 2)} ms, MariaDB CPU ${formatNumber(figures.costs.databaseCpuMs, 2)} ms`,
      );
      let statements = [];
      try {
        const captured = await captureQueueSql({ repoRoot, databaseUrl: settings.databaseUrl, username, query });
        for (const statement of captured)
          statements.push(await explainAndTime(pool, statement, figures.p50 > 200 ? 5 : 30));
      } catch (error) {
        statements = [{ error: error.message }];
      }
      variants.push({ label, username, query, ...figures, statements });
      if (variants.length === 1) queueLoad = os.loadavg()[0];
    }
    // The ranking reads the summaries the scheduler keeps; build them now rather than wait
    // for its first minutes (a run racing the scheduler on one day may fail: the second one finishes).
    // Every day is built again (BENCH_SUMMARIES=keep keeps a reused database's), so the first build is timed.
    const fresh = process.env.BENCH_SUMMARIES !== 'keep';
    const summaries = await buildSummaries({ repoRoot, databaseUrl: settings.databaseUrl, fresh });
    summaries.loadAverage = os.loadavg()[0];
    summaries.rows = await summaryRowsOf(pool, previousMonth());
    log(
      `(r) day summaries: ${summaries.days} days built in ${summaries.seconds.toFixed(1)} s (load average ${summaries.loadAverage.toFixed(1)}); ` +
        `${previousMonth()}: ${JSON.stringify(summaries.rows)}`,
    );
    const rankings = await measureRankings(server.baseUrl);
    rankings.loadAverage = os.loadavg()[0];

    return {
      mariadb,
      submission,
      ceiling,
      seeded: { ...seeded, rows: toSeed },
      profiles: { submission: serverProfile, ceiling: ceilingProfile },
      reportsInTable,
      variants,
      rankings,
      summaries,
      loadAverages: {
        seed: seeded.loadAverage,
        queue: queueLoad,
        summaries: summaries.loadAverage,
        rankings: rankings.loadAverage,
      },
      benchSeconds: (performance.now() - benchStarted) / 1000,
    };
  } finally {
    await pool.end();
    await stopChild(server.handle);
  }
}

/** The server's profile cut to its load window, or why there is none. */
function profileSummary(profiling, load) {
  if (!profiling) return null;
  const file = profileIn(profiling.directory);
  if (!file) return { error: `no .cpuprofile in ${profiling.directory} (did the server exit cleanly?)` };
  return summarizeProfile(file, { ...load.window, repoRoot, requests: load.ok });
}

function printProfile(label, summary, rows) {
  if (!summary) return;
  console.log('');
  if (summary.error) {
    console.log(`CPU profile ${label}: ${summary.error}`);
    return;
  }
  const share = (entry) => `${(entry.share * 100).toFixed(1)} %`;
  const perRequest = (entry) => formatNumber(entry.msPerRequest, 3);
  console.log(
    `CPU profile ${label} under load (node --cpu-prof, ${formatNumber(summary.windowSeconds)} s window): ` +
      `${formatNumber(summary.busyMs, 0)} ms busy, ${formatNumber(summary.idleMs, 0)} ms idle, ` +
      `${formatNumber(summary.busyMsPerRequest, 2)} ms busy per 2xx; ${summary.file}`,
  );
  console.log(
    renderTable(
      ['by package (self time)', 'share', 'ms/request'],
      summary.areas.slice(0, rows).map((entry) => [entry.name, share(entry), perRequest(entry)]),
    ),
  );
  console.log(
    renderTable(
      ['top functions (self time)', 'share', 'ms/request'],
      summary.selfTop.slice(0, rows).map((entry) => [entry.name, share(entry), perRequest(entry)]),
    ),
  );
  if (summary.totalTop.length > 0)
    console.log(
      renderTable(
        ['own code (inclusive time)', 'share', 'ms/request'],
        summary.totalTop.slice(0, rows).map((entry) => [entry.name, share(entry), perRequest(entry)]),
      ),
    );
}

/** The entity's 33-column select list says nothing here; keep the shape of the statement. */
const shortSql = (sql) =>
  sql.replace(/^SELECT (.+?) FROM/, (all, list) =>
    list.includes(',') ? `SELECT <${list.split(',').length} columns> FROM` : all,
  );

const roundAll = (figures) =>
  Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, round(value, 2)]));

/** Why (a) and (c) differ: what one successful submission costs each side. */
function printCosts(submission, ceiling) {
  const costRow = (label, costs) => [
    label,
    formatNumber(costs.statements),
    formatNumber(costs.selects),
    formatNumber(costs.inserts),
    formatNumber(costs.updates),
    formatNumber(costs.begins),
    formatNumber(costs.commits),
    costs.rowLockWaits.toLocaleString('en-US'),
    formatNumber(costs.serverCpuMs, 2),
    formatNumber(costs.databaseCpuMs, 2),
    formatNumber(costs.databaseProcessCpuMs, 2),
  ];
  console.log('');
  console.log(
    'Cost per successful submission: statements as the server process sent them; CPU ms from /proc of node, of the ' +
      'MariaDB threads serving its connections (DB) and of the whole mariadbd, every client of the box included:',
  );
  console.log(
    renderTable(
      [
        'load',
        'SQL stmts',
        'SELECT',
        'INSERT',
        'UPDATE',
        'BEGIN',
        'COMMIT',
        'row-lock waits',
        'node CPU ms',
        'DB CPU ms',
        'mariadbd CPU ms',
      ],
      [costRow('(a) real server', submission.costs), costRow('(c) ceiling', ceiling.costs)],
    ),
  );
}

/** BENCH_ONLY=submission: (a), (c), their ratio, costs and CPU profiles. */
function printSubmissionReport(run) {
  const { submission, ceiling } = run;
  const ratio = ceiling.rps > 0 ? submission.rps / ceiling.rps : null;
  const valid = submission.errorRate <= targets.maxErrorRate && ceiling.errorRate <= targets.maxErrorRate;
  console.log('');
  console.log(
    `321 民情在线 — submission benchmark · ${os.cpus().length} CPU · node ${process.version} · ${run.mariadb.version} · ` +
      `${settings.connections} connections × ${settings.duration} s · load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    `(a) POST /api/v1/reports ${formatNumber(submission.rps)} rps (p50 ${submission.p50} ms, p99 ${submission.p99} ms, ${submission.errors} errors); ` +
      `(c) ceiling ${formatNumber(ceiling.rps)} rps (p50 ${ceiling.p50} ms); (a)/(c) ${ratio === null ? '–' : `${(ratio * 100).toFixed(1)} %`}` +
      `${valid ? '' : ' — RUN INVALID: errors above the limit'}`,
  );
  printCosts(submission, ceiling);
  const profile = profileSummary(run.profiles.submission, submission);
  printProfile('(a) real server', profile, 15);
  printProfile('(c) ceiling', profileSummary(run.profiles.ceiling, ceiling), 8);
  console.log(
    JSON.stringify({
      submission: { rps: round(submission.rps), p50: submission.p50, p99: submission.p99, errors: submission.errors },
      ceiling: { rps: round(ceiling.rps), p50: ceiling.p50, p99: ceiling.p99, errors: ceiling.errors },
      ratio: ratio === null ? null : round(ratio, 3),
      perSubmission: roundAll(submission.costs),
      perCeilingRequest: roundAll(ceiling.costs),
      loadAverage: os.loadavg()[0],
      valid,
    }),
  );
  return valid;
}

function printReport(run) {
  const { submission, ceiling, variants } = run;
  const ratio = ceiling.rps > 0 ? submission.rps / ceiling.rps : null;
  const main = variants[0];
  const valid = submission.errorRate <= targets.maxErrorRate && ceiling.errorRate <= targets.maxErrorRate;
  const verdict = (ok) => (ok === null ? '' : ok ? 'OK' : 'MISS');
  const ms = (value) => formatNumber(value, 1);

  console.log('');
  console.log(
    `321 民情在线 — server benchmark · ${os.cpus().length} CPU · node ${process.version} · ${run.mariadb.version} ` +
      `(buffer pool ${Math.round(Number(run.mariadb.bufferPool) / 1048576)} MB) · ${settings.connections} connections × ${settings.duration} s`,
  );
  console.log('');
  const rows = [
    [
      '(a) POST /api/v1/reports (real server)',
      submission.completed.toLocaleString('en-US'),
      formatNumber(submission.rps),
      ms(submission.p50),
      '',
      ms(submission.p99),
      `${submission.errors} (${(submission.errorRate * 100).toFixed(2)} %)`,
      `errors ≤ ${targets.maxErrorRate * 100} %`,
      valid ? 'valid' : 'INVALID',
    ],
    [
      '(c) ceiling: bare Koa + 1 INSERT',
      ceiling.completed.toLocaleString('en-US'),
      formatNumber(ceiling.rps),
      ms(ceiling.p50),
      '',
      ms(ceiling.p99),
      `${ceiling.errors} (${(ceiling.errorRate * 100).toFixed(2)} %)`,
      '',
      '',
    ],
    [
      '(a)/(c) throughput ratio',
      '',
      ratio === null ? '–' : `${(ratio * 100).toFixed(1)} %`,
      '',
      '',
      '',
      '',
      `≥ ${targets.minRatio * 100} %`,
      verdict(ratio === null ? null : ratio >= targets.minRatio),
    ],
    [
      `seed ${run.seeded.rows.toLocaleString('en-US')} rows (table: ${run.reportsInTable.toLocaleString('en-US')})`,
      '',
      `${formatNumber(run.seeded.seconds)} s`,
      '',
      '',
      '',
      `rows ${formatNumber(run.seeded.insertSeconds)} s, indexes ${formatNumber(run.seeded.indexSeconds)} s`,
      '',
      '',
    ],
    ...variants.map((variant, index) =>
      variant.skipped
        ? [`(b) ${variant.label}`, '', '', '', '', '', variant.skipped, '', '']
        : [
            `(b)${index === 0 ? '*' : ' '} ${variant.label}`,
            variant.requests,
            `total ${variant.total.toLocaleString('en-US')}`,
            ms(variant.p50),
            ms(variant.p95),
            ms(variant.p99),
            `CPU ${formatNumber(variant.costs.serverCpuMs, 2)} + ${formatNumber(variant.costs.databaseCpuMs, 2)} ms`,
            `p95 ≤ ${targets.queueP95Ms} ms`,
            verdict(variant.p95 <= targets.queueP95Ms),
          ],
    ),
    [
      `(r) day summaries: ${run.summaries.days} days built`,
      '',
      `${formatNumber(run.summaries.seconds)} s`,
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    ...[
      [`computeRankings(${run.rankings.month}) on a DataSource`, run.rankings.direct],
      [`GET /api/v1/public/rankings?month=${run.rankings.month}`, run.rankings.http],
    ].map(([label, figures]) => [
      `(r) ${label}`,
      figures.runs,
      `first ${ms(figures.first)} ms`,
      ms(figures.p50),
      ms(figures.p95),
      '',
      '',
      `p95 < ${formatNumber(targets.rankingMs, 0)} ms`,
      verdict(figures.p95 < targets.rankingMs),
    ]),
  ];
  console.log(
    renderTable(
      ['measure', 'requests', 'rps / value', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'target', 'verdict'],
      rows,
    ),
  );
  console.log(
    '(b)* is the headline queue figure: county staff, 城关镇, status=dispatched, page 1 of 20, default sort -submittedAt. ' +
      "(b) CPU: node ms + ms of the MariaDB threads serving the server's connections, per request.",
  );
  console.log(
    `(r) ranking of ${run.rankings.month}: ${JSON.stringify(run.rankings.summary)}; function and route agree: ${run.rankings.agree ? 'yes' : 'NO'}`,
  );
  console.log(
    `(r) summary rows of ${run.rankings.month}: ${JSON.stringify(run.summaries.rows)}. Load average (1 min) after the seed ` +
      `${formatNumber(run.loadAverages.seed)}, the headline queue ${formatNumber(run.loadAverages.queue)}, the summaries ` +
      `${formatNumber(run.loadAverages.summaries)}, the rankings ${formatNumber(run.loadAverages.rankings)}.`,
  );

  printCosts(submission, ceiling);

  const profiles = {
    submission: profileSummary(run.profiles.submission, submission),
    ceiling: profileSummary(run.profiles.ceiling, ceiling),
  };
  printProfile('(a) real server', profiles.submission, 15);
  printProfile('(c) ceiling', profiles.ceiling, 8);
  if (main.window) printProfile('(b)* headline queue', profileSummary(run.profiles.submission, main), 12);

  // Where the queue's time goes: each statement the server runs for the page, timed on its own.
  const planRows = [];
  for (const variant of variants) {
    for (const statement of variant.statements ?? []) {
      if (statement.error) {
        planRows.push([variant.label, 'error', statement.error.slice(0, 80), '', '', '', '']);
        continue;
      }
      statement.plan.forEach((step, stepIndex) =>
        planRows.push([
          stepIndex === 0 ? variant.label : '',
          stepIndex === 0 ? statement.kind : '',
          step.key ?? '(none)',
          step.type,
          step.rows.toLocaleString('en-US'),
          step.extra ?? '',
          stepIndex === 0 ? ms(statement.medianMs) : '',
        ]),
      );
    }
  }
  if (planRows.length > 0) {
    console.log('');
    console.log('SQL the server runs per queue request (EXPLAIN; statement alone, median ms, no HTTP/ORM):');
    console.log(renderTable(['variant', 'stmt', 'key', 'type', 'est. rows', 'extra', 'median ms'], planRows));
    const mainStatements = main.statements?.filter((statement) => !statement.error) ?? [];
    for (const statement of mainStatements)
      console.log(`  ${statement.kind}: ${shortSql(statement.sql)}  -- ${JSON.stringify(statement.parameters)}`);
    const usesIndex =
      mainStatements.length > 0 &&
      mainStatements.every((statement) => statement.plan.some((step) => step.key === 'idx_reports_township_queue'));
    console.log(`  headline variant uses idx_reports_township_queue for every statement: ${usesIndex ? 'yes' : 'NO'}`);
    const count = mainStatements.find((statement) => statement.kind === 'count');
    const page = mainStatements.find((statement) => statement.kind === 'page');
    if (count && page && main.p50) {
      const share = (count.medianMs / main.p50) * 100;
      console.log(
        `  headline: page SELECT ${ms(page.medianMs)} ms + COUNT ${ms(count.medianMs)} ms of ${ms(main.p50)} ms p50 ` +
          `(COUNT ${share.toFixed(0)} %${count.medianMs > page.medianMs * 2 && share > 40 ? ' — the COUNT dominates' : ''})`,
      );
    }
  }
  if (!valid) {
    console.log('');
    console.log(`RUN INVALID: errors above ${targets.maxErrorRate * 100} %.`);
    for (const sample of [...submission.errorSamples, ...ceiling.errorSamples]) console.log(`  ${sample}`);
  }
  console.log(`(bench took ${formatNumber(run.benchSeconds / 60)} min)`);

  const json = {
    submission: {
      rps: round(submission.rps),
      p50: submission.p50,
      p99: submission.p99,
      errors: submission.errors,
      errorRate: round(submission.errorRate, 4),
      requests: submission.completed,
      perRequest: roundAll(submission.costs),
    },
    ceiling: {
      rps: round(ceiling.rps),
      p50: ceiling.p50,
      p99: ceiling.p99,
      errors: ceiling.errors,
      errorRate: round(ceiling.errorRate, 4),
      requests: ceiling.completed,
      perRequest: roundAll(ceiling.costs),
    },
    ratio: ratio === null ? null : round(ratio, 3),
    cpuProfile: profiles.submission?.selfTop
      ? {
          busyMsPerRequest: round(profiles.submission.busyMsPerRequest, 2),
          areas: profiles.submission.areas.slice(0, 8).map(({ name, share }) => ({ [name]: round(share, 3) })),
          selfTop: profiles.submission.selfTop.slice(0, 10).map(({ name, share }) => ({ [name]: round(share, 3) })),
        }
      : null,
    queue: {
      reports: run.reportsInTable,
      p50: round(main.p50 ?? null),
      p95: round(main.p95 ?? null),
      p99: round(main.p99 ?? null),
      perRequest: main.costs ? roundAll(main.costs) : null,
    },
    seed: {
      rows: run.seeded.rows,
      seconds: round(run.seeded.seconds),
      insertSeconds: round(run.seeded.insertSeconds),
      extrasSeconds: round(run.seeded.extrasSeconds),
      indexSeconds: round(run.seeded.indexSeconds),
      analyzeSeconds: round(run.seeded.analyzeSeconds),
    },
    summaries: { days: run.summaries.days, seconds: round(run.summaries.seconds), rows: run.summaries.rows },
    loadAverages: roundAll(run.loadAverages),
    rankings: {
      month: run.rankings.month,
      direct: roundAll(run.rankings.direct),
      http: roundAll(run.rankings.http),
      summary: run.rankings.summary,
      agree: run.rankings.agree,
    },
    queueVariants: variants.map((variant) => ({
      name: variant.label,
      staff: variant.username,
      requests: variant.requests ?? 0,
      total: variant.total ?? null,
      p50: round(variant.p50 ?? null),
      p95: round(variant.p95 ?? null),
      p99: round(variant.p99 ?? null),
      statementsMs: (variant.statements ?? [])
        .filter((statement) => !statement.error)
        .map((statement) => ({ [statement.kind]: round(statement.medianMs, 2) })),
    })),
    targets: { ratio: targets.minRatio, queueP95Ms: targets.queueP95Ms, maxErrorRate: targets.maxErrorRate },
    valid,
  };
  console.log(JSON.stringify(json));
  return valid;
}

stopChildrenOnExit();
try {
  const run = await runBenchmark();
  const valid = settings.only === 'submission' ? printSubmissionReport(run) : printReport(run);
  if (!valid) process.exitCode = 1;
} catch (error) {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  closeAgents();
  await stopAll();
}
