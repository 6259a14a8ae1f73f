/**
 * What a migration must not use if the same schema is to run on TiDB for a province
 * (docs/SCALING.md). Each rule is a feature that TiDB's MySQL-compatibility page lists as
 * unsupported or as behaving differently (https://docs.pingcap.com/tidb/stable/mysql-compatibility),
 * matched in the migration's source, as SQL and as TypeORM spells it. Comments are blanked first,
 * so a comment may name a feature without tripping its rule.
 */
export interface TidbRule {
  feature: string;
  /** What TiDB does instead, and what to write here. */
  why: string;
  patterns: readonly RegExp[];
}

const DEFINER = String.raw`(?:DEFINER\s*=\s*\S+\s+)?`;

export const TIDB_RULES: readonly TidbRule[] = [
  {
    feature: 'trigger',
    why: 'TiDB has no triggers: do the work in the service that writes the row',
    patterns: [new RegExp(String.raw`\bCREATE\s+${DEFINER}TRIGGER\b`, 'i')],
  },
  {
    feature: 'stored procedure or function',
    why: 'TiDB has no stored procedures, stored functions or user-defined functions: keep the logic in TypeScript',
    patterns: [
      new RegExp(String.raw`\bCREATE\s+${DEFINER}(?:AGGREGATE\s+)?(?:PROCEDURE|FUNCTION)\b`, 'i'),
      /\bCALL\s+`?\w+`?\s*\(/i,
    ],
  },
  {
    feature: 'event',
    why: 'TiDB has no event scheduler: periodic work belongs to the leased scheduler (server/src/jobs)',
    patterns: [new RegExp(String.raw`\bCREATE\s+${DEFINER}EVENT\b`, 'i')],
  },
  {
    feature: 'AUTO_INCREMENT',
    why: 'TiDB hands out AUTO_INCREMENT values in per-server batches, so their order is not insertion order, and a rising key is a write hot spot: use ULIDs from newId()',
    patterns: [
      /\bAUTO_INCREMENT\b/i,
      /\bisGenerated\s*:\s*true\b/,
      /\bgenerationStrategy\s*:\s*['"](?:increment|rowid)['"]/,
    ],
  },
  {
    feature: 'FULLTEXT index',
    why: 'TiDB does not support FULLTEXT syntax and indexes',
    patterns: [/\bFULLTEXT\b/i, /\bisFulltext\s*:\s*true\b/],
  },
  {
    feature: 'SPATIAL index or type',
    why: 'TiDB does not support SPATIAL (GIS/GEOMETRY) functions, data types and indexes: store lat/lng as numbers',
    patterns: [
      /\bSPATIAL\b/i,
      /\bisSpatial\s*:\s*true\b/,
      /\btype\s*:\s*['"](?:geometry|point|linestring|polygon|multipoint|multilinestring|multipolygon|geometrycollection)['"]/i,
      /\b(?:GEOMETRY|POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\s*(?:NOT\s+NULL|NULL|,|\))/,
    ],
  },
  {
    feature: 'descending index',
    why: 'TiDB does not support descending indexes: an ascending index is read backwards just as well',
    patterns: [/\bINDEX\b[^;]*?\([^)]*\bDESC\b/i],
  },
  {
    feature: 'SKIP LOCKED',
    why: 'TiDB does not support SKIP LOCKED',
    patterns: [/\bSKIP\s+LOCKED\b/i, /pessimistic_partial_write/, /setOnLocked\(\s*['"]skip_locked['"]/],
  },
  {
    feature: 'LOCK TABLES',
    why: 'table locks are off by default in TiDB (enable-table-lock) and unavailable on TiDB Cloud Starter: use row locks in a transaction',
    patterns: [/\bLOCK\s+TABLES?\b/i],
  },
  {
    feature: 'XA transaction',
    why: 'TiDB does not expose XA syntax',
    patterns: [/\bXA\s+(?:START|BEGIN|END|PREPARE|COMMIT|ROLLBACK|RECOVER)\b/i],
  },
  {
    feature: 'CREATE TABLE … AS SELECT',
    why: 'TiDB does not support CREATE TABLE … AS SELECT: create the table, then INSERT … SELECT',
    patterns: [/\bCREATE\s+(?:TEMPORARY\s+)?TABLE\b[^;(]*?\b(?:AS\s+)?SELECT\b/i],
  },
  {
    feature: 'SELECT … INTO @variable',
    why: 'TiDB does not support SELECT … INTO @variable',
    patterns: [/\bINTO\s+@\w+/i],
  },
  {
    feature: 'table maintenance statement',
    why: 'TiDB does not support CHECK, CHECKSUM, REPAIR or OPTIMIZE TABLE, HANDLER or CREATE TABLESPACE',
    patterns: [
      /\b(?:CHECK|CHECKSUM|REPAIR|OPTIMIZE)\s+TABLE\b/i,
      /\bHANDLER\s+`?\w+`?\s+(?:OPEN|READ|CLOSE)\b/i,
      /\bCREATE\s+TABLESPACE\b/i,
    ],
  },
  {
    feature: 'LATERAL derived table',
    why: 'TiDB does not support lateral derived tables',
    patterns: [/\bLATERAL\s*\(/i],
  },
  {
    feature: 'character set',
    why: 'TiDB supports only ascii, latin1, binary, utf8, utf8mb4 and gbk: keep utf8mb4',
    patterns: [
      /\b(?:CHARSET|CHARACTER\s+SET)\s*=?\s*['"]?(?!(?:utf8mb4|utf8|ascii|latin1|binary|gbk)\b)[a-z]\w*/i,
      /\bcharset\s*:\s*['"](?!(?:utf8mb4|utf8|ascii|latin1|binary|gbk)['"])/,
    ],
  },
  {
    feature: 'foreign key',
    why: 'TiDB has foreign keys from v6.6 but calls them generally available only from v8.5, and each check locks the parent row: keep integrity in the services and unique keys, as today',
    patterns: [/\bFOREIGN\s+KEY\b/i, /\bREFERENCES\s+`?\w+`?\s*\(/i, /\bTableForeignKey\b/, /\bforeignKeys\s*:/],
  },
];

export interface TidbFinding {
  file: string;
  line: number;
  feature: string;
  why: string;
  text: string;
}

/**
 * The source with its comments replaced by spaces (newlines kept, so line numbers hold).
 * Strings are skipped over whole, so a `//` inside one is not a comment.
 */
export function blankComments(source: string): string {
  let out = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const next = source[index + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      const stop = end === -1 ? source.length : end;
      out += ' '.repeat(stop - index);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(index, stop).replace(/[^\n]/g, ' ');
      index = stop;
    } else if (char === "'" || char === '"' || char === '`') {
      let stop = index + 1;
      while (stop < source.length && source[stop] !== char) stop += source[stop] === '\\' ? 2 : 1;
      out += source.slice(index, stop + 1);
      index = stop + 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** Every use of a rule's feature in one migration's source, with its line. */
export function findTidbIncompatibilities(file: string, source: string): TidbFinding[] {
  const code = blankComments(source);
  const findings: TidbFinding[] = [];
  for (const rule of TIDB_RULES) {
    for (const pattern of rule.patterns) {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      for (const match of code.matchAll(global)) {
        const line = code.slice(0, match.index).split('\n').length;
        findings.push({ file, line, feature: rule.feature, why: rule.why, text: match[0].trim() });
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

export const describeFinding = (finding: TidbFinding) =>
  `${finding.file}:${finding.line} uses ${finding.feature} (“${finding.text}”): ${finding.why}`;
