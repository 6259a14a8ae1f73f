// A bulk load into a table that keeps only its primary key, then each secondary index built once
// by sorting: with a small buffer pool, maintaining ten indexes row by row is what makes a
// ten-million-row seed slow (every insert dirties random pages of every index).
import { performance } from 'node:perf_hooks';

const quoted = (name) => `\`${name.replace(/`/g, '``')}\``;

/** The secondary indexes of `table` as ADD INDEX clauses, read from information_schema. */
async function secondaryIndexes(pool, table) {
  const [rows] = await pool.query(
    `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS columnName, SUB_PART AS subPart,
            COLLATION AS direction, INDEX_TYPE AS type
     FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY'
     ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [table],
  );
  const indexes = new Map();
  for (const row of rows) {
    if (row.type !== 'BTREE') throw new Error(`${table}.${row.name} is a ${row.type} index: not deferred`);
    const index = indexes.get(row.name) ?? { name: row.name, unique: Number(row.nonUnique) === 0, parts: [] };
    index.parts.push(
      `${quoted(row.columnName)}${row.subPart ? `(${row.subPart})` : ''}${row.direction === 'D' ? ' DESC' : ''}`,
    );
    indexes.set(row.name, index);
  }
  return [...indexes.values()];
}

/**
 * Drops the secondary indexes of `table`, runs `load`, and adds them back in one ALTER TABLE
 * (InnoDB reads the table once and sorts each index). The indexes come back even if `load` fails.
 * Returns what `load` returned, and the seconds the indexes took to build.
 */
export async function withSecondaryIndexesDeferred(pool, table, load) {
  const indexes = await secondaryIndexes(pool, table);
  if (indexes.length > 0)
    await pool.query(
      `ALTER TABLE ${quoted(table)} ${indexes.map((index) => `DROP INDEX ${quoted(index.name)}`).join(', ')}`,
    );
  let loaded;
  let indexSeconds = 0;
  try {
    loaded = await load();
  } finally {
    const started = performance.now();
    if (indexes.length > 0)
      await pool.query(
        `ALTER TABLE ${quoted(table)} ${indexes
          .map((index) => `ADD ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoted(index.name)} (${index.parts.join(', ')})`)
          .join(', ')}`,
      );
    indexSeconds = (performance.now() - started) / 1000;
  }
  return { loaded, indexSeconds, indexes: indexes.length };
}
