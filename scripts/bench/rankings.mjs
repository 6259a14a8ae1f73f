// (i) One month's public ranking: the server's own computeRankings (server/dist/stats) against
// a DataSource, the same through GET /api/v1/public/rankings, and the SQL behind it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { timedGet } from './http.mjs';
import { percentile } from './stats.mjs';

/** The last whole China calendar month before `now`: YYYY-MM. */
export function previousMonth(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth(); // 0-based: this is already "last month" as 1-based
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

const serverRequire = (repoRoot) => createRequire(path.join(repoRoot, 'server', 'package.json'));

/** What a ranking says in total, to check the two paths agree. */
export const summaryOf = (ranking) => ({
  departments: ranking.departments.length,
  townships: ranking.townships.length,
  received: ranking.departments.reduce((sum, entry) => sum + entry.received, 0),
  returns: ranking.departments.reduce((sum, entry) => sum + entry.returns, 0),
  repeatComplaints: ranking.departments.reduce((sum, entry) => sum + entry.repeatComplaints, 0),
});

/**
 * Calls computeRankings `runs` times on its own DataSource (the first run also records the SQL
 * it sends). Returns per-run milliseconds, the statements and the ranking.
 */
export async function timeDirectRankings({ repoRoot, databaseUrl, month, runs }) {
  const require = serverRequire(repoRoot);
  const { createDataSource } = require('./dist/db/dataSource.js');
  const { ReferenceData } = require('./dist/db/referenceData.js');
  const { computeRankings } = require('./dist/stats/rankings.js');
  const { DEFAULT_RANKING_MIN_RECEIVED } = require('./dist/stats/rankingOrder.js');

  const captured = [];
  let capturing = true;
  const dataSource = createDataSource(databaseUrl);
  dataSource.setOptions({
    logging: ['query'],
    logger: {
      logQuery: (sql, parameters) => capturing && captured.push({ sql, parameters: parameters ?? [] }),
      logQueryError() {},
      logQuerySlow() {},
      logSchemaBuild() {},
      logMigration() {},
      log() {},
    },
  });
  await dataSource.initialize();
  try {
    const lookups = await new ReferenceData(dataSource).snapshot();
    captured.length = 0;
    const times = [];
    let ranking = null;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      ranking = await computeRankings({
        manager: dataSource.manager,
        lookups,
        month,
        now: new Date(),
        minReceived: DEFAULT_RANKING_MIN_RECEIVED,
      });
      times.push(performance.now() - started);
      capturing = false;
    }
    return { times, statements: captured.filter((statement) => /^\s*SELECT/i.test(statement.sql)), ranking };
  } finally {
    await dataSource.destroy();
  }
}

/** Sequential GETs of the public route, as the mini-program's ranking page would ask. */
export async function timeHttpRankings({ baseUrl, month, warmup, requests }) {
  const url = `${baseUrl}/api/v1/public/rankings?month=${month}`;
  let last = null;
  for (let index = 0; index < warmup; index += 1) last = await timedGet(url);
  const times = [];
  for (let index = 0; index < requests; index += 1) {
    last = await timedGet(url);
    if (last.status !== 200) throw new Error(`GET ${url} → ${last.status} ${last.body.slice(0, 400)}`);
    times.push(last.ms);
  }
  return { times, ranking: JSON.parse(last.body), bytes: last.body.length };
}

/**
 * One month's ranking timed through computeRankings and through GET /api/v1/public/rankings; `agree`
 * says whether both told the same totals (a warning is logged when they do not).
 */
export async function timeRankingsBothWays({ repoRoot, databaseUrl, baseUrl, month, runs, requests, log, label }) {
  log(`${label} rankings of ${month}: computeRankings × ${runs}`);
  const direct = await timeDirectRankings({ repoRoot, databaseUrl, month, runs });
  log(`${label} GET /api/v1/public/rankings?month=${month} × ${requests}`);
  const http = await timeHttpRankings({ baseUrl, month, warmup: 1, requests });
  const summary = summaryOf(direct.ranking);
  const agree = JSON.stringify(summary) === JSON.stringify(summaryOf(http.ranking));
  if (!agree)
    log(`${label} WARNING: direct ${JSON.stringify(summary)} ≠ HTTP ${JSON.stringify(summaryOf(http.ranking))}`);
  return { direct, http, summary, agree };
}

export const timeFigures = (times) => ({
  first: times[0],
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  max: Math.max(...times),
  runs: times.length,
});

/** EXPLAIN of each statement and its own median time, without ORM or HTTP. */
export async function explainStatements(pool, statements, runs = 3) {
  const explained = [];
  for (const { sql, parameters } of statements) {
    const [plan] = await pool.query(`EXPLAIN ${sql}`, parameters);
    const times = [];
    for (let index = 0; index < runs; index += 1) {
      const started = performance.now();
      await pool.query(sql, parameters);
      times.push(performance.now() - started);
    }
    explained.push({
      kind: /FROM `report_events`/i.test(sql) ? 'returns' : 'reports',
      plan: plan.map((row) => ({
        table: row.table,
        type: row.type,
        key: row.key,
        rows: Number(row.rows),
        extra: row.Extra,
      })),
      medianMs: percentile(times, 50),
      sql,
    });
  }
  return explained;
}

/** First and last calendar day of YYYY-MM. */
export function monthDays(month) {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Every statistics request the admin dashboard makes (server/admin/src/dashboard), over the same
 * month, as the county centre and as a township's dispatcher, and the overview as a department's
 * handler: [label, staff username, path under /api/v1/staff/ with {from}, {to} and {month}].
 */
const DASHBOARD_ROUTES = [
  ['overview', 'stats/overview?from={from}&to={to}'],
  ['trends', 'stats/trends?from={from}&to={to}'],
  ['breakdown by category', 'stats/breakdown?from={from}&to={to}&by=category'],
  ['breakdown by {region}', 'stats/breakdown?from={from}&to={to}&by={region}'],
  ['rankings', 'stats/rankings?from={from}&to={to}'],
  ['hotspots', 'stats/hotspots?from={from}&to={to}'],
  ['supervision', 'supervision?month={month}'],
  ['briefs', 'briefs'],
];
const fill = (template, region) => template.replaceAll('{region}', region);

export const STAFF_STATS_VARIANTS = [
  ...DASHBOARD_ROUTES.map(([label, route]) => [
    `county: ${fill(label, 'township')}`,
    'county',
    fill(route, 'township'),
  ]),
  ...DASHBOARD_ROUTES.map(([label, route]) => [
    `township: ${fill(label, 'village')}`,
    'chengguan',
    fill(route, 'village'),
  ]),
  ['handler: own department overview', 'gongdian', 'stats/overview?from={from}&to={to}'],
];

/**
 * Sequential GETs of each staff statistics variant; a variant whose account cannot sign in is
 * skipped. `measure` wraps each variant's timed requests (diagnostics.mjs measureCosts gives their costs).
 */
export async function timeStaffStats({ baseUrl, tokens, month, warmup, requests, measure = (work) => work() }) {
  const { from, to } = monthDays(month);
  const results = [];
  for (const [label, username, route] of STAFF_STATS_VARIANTS) {
    const token = tokens.get(username);
    if (!token) {
      results.push({ label, skipped: `${username} cannot sign in` });
      continue;
    }
    const url = `${baseUrl}/api/v1/staff/${route.replace('{from}', from).replace('{to}', to).replace('{month}', month)}`;
    const headers = { authorization: `Bearer ${token}` };
    for (let index = 0; index < warmup; index += 1) await timedGet(url, headers);
    const measured = await measure(async () => {
      const times = [];
      for (let index = 0; index < requests; index += 1) {
        const answer = await timedGet(url, headers);
        if (answer.status !== 200) throw new Error(`GET ${url} → ${answer.status} ${answer.body.slice(0, 400)}`);
        times.push(answer.ms);
      }
      return { ok: times.length, times };
    });
    results.push({ label, ...timeFigures(measured.times), costs: measured.costs });
  }
  return results;
}
