// Where a request's cost goes: SQL statements and row-lock waits (MariaDB status counters)
// and CPU time of the server child and of the database process (Linux /proc), per request.
import fs from 'node:fs';
import os from 'node:os';

const COUNTERS = [
  'Questions',
  'Com_select',
  'Com_insert',
  'Com_update',
  'Com_commit',
  'Innodb_row_lock_waits',
  'Innodb_row_lock_time',
];
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used, in ms; null where /proc is not available. */
function cpuMs(pid) {
  if (!pid || os.platform() !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
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

async function snapshot(pool, pids) {
  const [rows] = await pool.query(
    `SHOW GLOBAL STATUS WHERE Variable_name IN (${COUNTERS.map(() => '?').join(',')})`,
    COUNTERS,
  );
  const counters = Object.fromEntries(rows.map((row) => [row.Variable_name, Number(row.Value)]));
  return { counters, serverCpu: cpuMs(pids.server), databaseCpu: cpuMs(pids.database) };
}

/**
 * Wraps a load run: per successful request, statements by kind, row-lock waits and CPU ms.
 * The counters are server-wide, so other clients of the same MariaDB add a little noise.
 */
export async function measureCosts(pool, pids, work) {
  const before = await snapshot(pool, pids);
  const result = await work();
  const after = await snapshot(pool, pids);
  const per = (value) => (result.ok > 0 ? value / result.ok : null);
  const delta = (name) => after.counters[name] - before.counters[name];
  const cpu = (name) => (before[name] === null || after[name] === null ? null : per(after[name] - before[name]));
  // Our own two SHOW STATUS calls count as Questions; they are negligible against thousands.
  result.costs = {
    statements: per(delta('Questions')),
    selects: per(delta('Com_select')),
    inserts: per(delta('Com_insert')),
    updates: per(delta('Com_update')),
    commits: per(delta('Com_commit')),
    rowLockWaits: delta('Innodb_row_lock_waits'),
    rowLockMs: delta('Innodb_row_lock_time'),
    serverCpuMs: cpu('serverCpu'),
    databaseCpuMs: cpu('databaseCpu'),
  };
  return result;
}
