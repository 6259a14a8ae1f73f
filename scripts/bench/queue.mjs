// The staff work queue (b): sequential latency per variant, and the SQL behind it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { timedGet } from './http.mjs';
import { percentile } from './stats.mjs';

/**
 * Times `GET /api/v1/staff/reports?…` one request at a time (a staff member paging, not a
 * crowd): `warmup` unrecorded requests, then up to `requests`, stopping early after
 * `budgetSeconds` so that one slow variant cannot stretch the run unboundedly.
 */
export async function measureQueue({ baseUrl, token, query, warmup, requests, budgetSeconds }) {
  const url = `${baseUrl}/api/v1/staff/reports?${new URLSearchParams(query)}`;
  const headers = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const deadline = started + budgetSeconds * 1000;
  // Warm-up may use a quarter of the budget at most, so slow variants still get measured.
  const warmupDeadline = started + (budgetSeconds * 1000) / 4;
  let last = null;
  let sent = 0;
  for (; sent < warmup && performance.now() < warmupDeadline; sent += 1) last = await timedGet(url, headers);
  const latencies = [];
  while (latencies.length < requests && (latencies.length === 0 || performance.now() < deadline)) {
    last = await timedGet(url, headers);
    if (last.status !== 200) throw new Error(`GET ${url} → ${last.status} ${last.body.slice(0, 400)}`);
    latencies.push(last.ms);
    sent += 1;
  }
  const page = JSON.parse(last.body);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    total: page.total,
    items: page.items.length,
    /** Requests sent, warm-up included: what the server's CPU time is divided by. */
    sent,
  };
}

/**
 * Captures the exact statements the server runs for a queue request, by building its query as
 * the route does (server/dist: buildQueueQuery, the row's columns, getCount) through a TypeORM
 * data source whose logger records queries.
 */
export async function captureQueueSql({ repoRoot, databaseUrl, username, query }) {
  const require = createRequire(path.join(repoRoot, 'server', 'package.json'));
  const { createDataSource } = require('./dist/db/dataSource.js');
  const { buildQueueQuery } = require('./dist/http/staffReports/queueQuery.js');
  const { STAFF_SUMMARY_COLUMNS } = require('./dist/presenters/report.js');
  const { Staff } = require('./dist/db/entities/index.js');
  const { StaffQueueQuerySchema } = require('@minqing/shared');

  const captured = [];
  const dataSource = createDataSource(databaseUrl);
  dataSource.setOptions({
    logging: ['query'],
    logger: {
      logQuery: (sql, parameters) => captured.push({ sql, parameters: parameters ?? [] }),
      logQueryError() {},
      logQuerySlow() {},
      logSchemaBuild() {},
      logMigration() {},
      log() {},
    },
  });
  await dataSource.initialize();
  try {
    const staff = await dataSource.getRepository(Staff).findOneByOrFail({ username });
    const filters = StaffQueueQuerySchema.parse(query);
    captured.length = 0;
    const queue = buildQueueQuery(dataSource.manager, staff, filters, new Date()).select(
      STAFF_SUMMARY_COLUMNS.map((column) => `report.${column}`),
    );
    await queue.getMany();
    await queue.getCount();
    return captured.filter((statement) => /^\s*SELECT/i.test(statement.sql));
  } finally {
    await dataSource.destroy();
  }
}

/** EXPLAIN plus the median time of running the statement itself, without HTTP or ORM. */
export async function explainAndTime(pool, { sql, parameters }, runs = 30) {
  const [plan] = await pool.query(`EXPLAIN ${sql}`, parameters);
  await pool.query(sql, parameters); // warm
  const times = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await pool.query(sql, parameters);
    times.push(performance.now() - started);
  }
  return {
    kind: /COUNT\(/i.test(sql) ? 'count' : 'page',
    plan: plan.map((row) => ({ type: row.type, key: row.key, rows: Number(row.rows), extra: row.Extra })),
    medianMs: percentile(times, 50),
    sql,
    parameters,
  };
}
