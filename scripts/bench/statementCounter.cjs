// Preloaded into a bench child (node --require): counts the SQL statements the process sends
// through mysql2, by kind, and on SIGUSR2 writes the counts to BENCH_STATEMENTS_FILE. Counted in
// the process itself, so other clients of a shared MariaDB do not add to them (as they add to the
// server's global status counters).
const fs = require('node:fs');
const path = require('node:path');

const file = process.env.BENCH_STATEMENTS_FILE;
const counts = {
  statements: 0,
  selects: 0,
  inserts: 0,
  updates: 0,
  deletes: 0,
  begins: 0,
  commits: 0,
  other: 0,
  prepares: 0,
};
const KINDS = [
  [/^select\b/i, 'selects'],
  [/^insert\b/i, 'inserts'],
  [/^update\b/i, 'updates'],
  [/^delete\b/i, 'deletes'],
  [/^(start transaction|begin)\b/i, 'begins'],
  [/^commit\b/i, 'commits'],
];

// The mysql2 the child resolves from its folder (cwd); its connection class by file, which the
// package's exports do not list.
const mysql2 = path.dirname(require.resolve('mysql2', { paths: [process.cwd()] }));
const BaseConnection = require(path.join(mysql2, 'lib', 'base', 'connection.js'));
const addCommand = BaseConnection.prototype.addCommand;
BaseConnection.prototype.addCommand = function countedAddCommand(command) {
  const name = command.constructor.name;
  if (name === 'Query' || name === 'Execute') {
    counts.statements += 1;
    const sql = String(command.sql ?? '').trimStart();
    const kind = KINDS.find(([pattern]) => pattern.test(sql));
    counts[kind ? kind[1] : 'other'] += 1;
  } else if (name === 'Prepare') counts.prepares += 1; // a round trip, not a statement run

  return addCommand.call(this, command);
};

let sequence = 0;
process.on('SIGUSR2', () => {
  sequence += 1;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${sequence}`);
  fs.writeFileSync(temporary, JSON.stringify({ sequence, ...counts }));
  fs.renameSync(temporary, file);
});
