// Where a request's cost goes: the SQL statements the child sent (counted in the child itself,
// statementCounter.cjs), CPU time of the server child and of the database threads serving its
// connections (Linux /proc), and row-lock waits (MariaDB's global counters), per request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const COUNTERS = ['Innodb_row_lock_waits', 'Innodb_row_lock_time'];
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const COUNTER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'statementCounter.cjs');

/** CPU time (user + system) in ms from a /proc stat file; null where it cannot be read. */
function cpuMsOf(statFile) {
  try {
    const stat = fs.readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return null;
  }
}

const processCpuMs = (pid) => (pid && os.platform() === 'linux' ? cpuMsOf(`/proc/${pid}/stat`) : null);

/** CPU ms of each thread of a process, by thread id; null where /proc is not available. */
function threadCpuMs(pid) {
  if (!pid || os.platform() !== 'linux') return null;
  try {
    const threads = new Map();
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const ms = cpuMsOf(`/proc/${pid}/task/${tid}/stat`);
      if (ms !== null) threads.set(Number(tid), ms);
    }
    return threads;
  } catch {
    return null;
  }
}

export async function databasePid(pool) {
  try {
    const [[row]] = await pool.query('SELECT @@pid_file AS file');
    return Number(fs.readFileSync(row.file, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/**
 * The node options and environment that make a child count its statements, and the reading of
 * its counts (it writes them when sent SIGUSR2).
 */
export function statementCounting(name) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `minqing-statements-${name}-`));
  const file = path.join(directory, 'counts.json');
  let sequence = 0;
  return {
    nodeArgs: ['--require', COUNTER_SCRIPT],
    env: { BENCH_STATEMENTS_FILE: file },
    async read(pid) {
      sequence += 1;
      process.kill(pid, 'SIGUSR2');
      for (let attempt = 0; attempt < 200; attempt++) {
        try {
          const counts = JSON.parse(fs.readFileSync(file, 'utf8'));
          if (counts.sequence >= sequence) return counts;
        } catch {
          // not written yet
        }
        await sleep(25);
      }
      throw new Error(`${name} did not write its statement counts to ${file}`);
    },
  };
}

/** MariaDB's OS thread of each connection to `database` (information_schema.PROCESSLIST.TID). */
async function connectionThreads(pool, database) {
  try {
    const [rows] = await pool.query('SELECT TID AS tid FROM information_schema.PROCESSLIST WHERE DB = ?', [database]);
    return rows.map((row) => Number(row.tid));
  } catch {
    return null; // MySQL has no TID column there
  }
}

async function snapshot(pool, target) {
  const [rows] = await pool.query(
    `SHOW GLOBAL STATUS WHERE Variable_name IN (${COUNTERS.map(() => '?').join(',')})`,
    COUNTERS,
  );
  return {
    counters: Object.fromEntries(rows.map((row) => [row.Variable_name, Number(row.Value)])),
    statements: await target.counting.read(target.server),
    serverCpu: processCpuMs(target.server),
    databaseCpu: processCpuMs(target.database),
    databaseThreads: threadCpuMs(target.database),
  };
}

/** CPU ms the database threads serving `database` used between two snapshots. */
async function connectionCpuMs(pool, database, before, after) {
  const threads = await connectionThreads(pool, database);
  if (!threads || !before.databaseThreads || !after.databaseThreads) return null;
  let total = 0;
  for (const tid of threads) {
    const now = after.databaseThreads.get(tid);
    if (now !== undefined) total += now - (before.databaseThreads.get(tid) ?? 0);
  }
  return total;
}

/**
 * Wraps a load run: per successful request, statements by kind as the child sent them, CPU ms of
 * the child, of the database threads of its connections and of the whole database process (every
 * client of a shared MariaDB counts there), and row-lock waits (server-wide).
 * `target`: { server: pid, database: pid or null, databaseName, counting: statementCounting(…) }.
 */
export async function measureCosts(pool, target, work) {
  const before = await snapshot(pool, target);
  const result = await work();
  const after = await snapshot(pool, target);
  const per = (value) => (result.ok > 0 && value !== null ? value / result.ok : null);
  const sent = (name) => per(after.statements[name] - before.statements[name]);
  const cpu = (name) => (before[name] === null || after[name] === null ? null : per(after[name] - before[name]));
  result.costs = {
    statements: sent('statements'),
    selects: sent('selects'),
    inserts: sent('inserts'),
    updates: sent('updates'),
    begins: sent('begins'),
    commits: sent('commits'),
    prepares: sent('prepares'),
    rowLockWaits: after.counters.Innodb_row_lock_waits - before.counters.Innodb_row_lock_waits,
    rowLockMs: after.counters.Innodb_row_lock_time - before.counters.Innodb_row_lock_time,
    serverCpuMs: cpu('serverCpu'),
    databaseCpuMs: per(await connectionCpuMs(pool, target.databaseName, before, after)),
    databaseProcessCpuMs: cpu('databaseCpu'),
  };
  return result;
}
