import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TIDB_RULES, blankComments, describeFinding, findTidbIncompatibilities } from '../../test/tidbCompatibility';

/** The migrations and their column builders: everything that shapes the schema. */
const migrationFiles = readdirSync(__dirname)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .sort();

/** A migration written as if for MySQL alone: one use of each feature the rules name. */
const BAD_MIGRATION = `import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

// A trigger would be simpler here (this comment names it and must not count).
export class Everything1799999999999 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TRIGGER reports_touch BEFORE UPDATE ON reports FOR EACH ROW SET NEW.version = OLD.version + 1');
    await queryRunner.query('CREATE DEFINER = root PROCEDURE close_old() BEGIN UPDATE reports SET status = 1; END');
    await queryRunner.query('CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO CALL close_old()');
    await queryRunner.createTable(new Table({ name: 'tickets', columns: [{ name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }] }));
    await queryRunner.query('ALTER TABLE tickets ADD FULLTEXT INDEX ft_text (text)');
    await queryRunner.query('ALTER TABLE tickets ADD COLUMN place GEOMETRY NOT NULL, ADD SPATIAL INDEX sp_place (place)');
    await queryRunner.query('CREATE INDEX idx_newest ON tickets (createdAt DESC)');
    await queryRunner.query('SELECT id FROM tickets WHERE status = 1 LIMIT 1 FOR UPDATE SKIP LOCKED');
    await queryRunner.query('LOCK TABLES tickets WRITE');
    await queryRunner.query("XA START 'move'");
    await queryRunner.query('CREATE TABLE tickets_copy AS SELECT * FROM tickets');
    await queryRunner.query('SELECT MAX(id) INTO @last FROM tickets');
    await queryRunner.query('OPTIMIZE TABLE tickets');
    await queryRunner.query('SELECT * FROM tickets t, LATERAL (SELECT 1) x');
    await queryRunner.query('ALTER TABLE tickets CONVERT TO CHARACTER SET big5');
    await queryRunner.query('ALTER TABLE tickets ADD FOREIGN KEY (reportId) REFERENCES reports (id)');
  }

  async down(): Promise<void> {}
}
`;

describe('migrations stay within what TiDB supports (docs/SCALING.md)', () => {
  it.each(migrationFiles)('%s uses nothing on the list', (file) => {
    const findings = findTidbIncompatibilities(file, readFileSync(path.join(__dirname, file), 'utf8'));
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it('reads every migration in the folder', () => {
    expect(migrationFiles).toContain('1763800000000-InitialSchema.ts');
    expect(migrationFiles).toContain('columns.ts');
    expect(migrationFiles.length).toBeGreaterThan(30);
  });

  it('names the migration, the line and the feature of each use in a migration written for MySQL alone', () => {
    const findings = findTidbIncompatibilities('1799999999999-Everything.ts', BAD_MIGRATION);
    const lineOf = (needle: string) => BAD_MIGRATION.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const found = (feature: string) =>
      findings.filter((finding) => finding.feature === feature).map((finding) => finding.line);

    expect(found('trigger')).toEqual([lineOf('CREATE TRIGGER')]);
    expect(found('stored procedure or function')).toEqual([lineOf('PROCEDURE close_old'), lineOf('DO CALL')]);
    expect(found('event')).toEqual([lineOf('CREATE EVENT')]);
    expect(found('AUTO_INCREMENT')).toEqual([lineOf('isGenerated'), lineOf('isGenerated')]);
    expect(found('FULLTEXT index')).toEqual([lineOf('FULLTEXT')]);
    expect(found('SPATIAL index or type')).toEqual([lineOf('SPATIAL'), lineOf('SPATIAL')]);
    expect(found('descending index')).toEqual([lineOf('DESC)')]);
    expect(found('SKIP LOCKED')).toEqual([lineOf('SKIP LOCKED')]);
    expect(found('LOCK TABLES')).toEqual([lineOf('LOCK TABLES')]);
    expect(found('XA transaction')).toEqual([lineOf('XA START')]);
    expect(found('CREATE TABLE … AS SELECT')).toEqual([lineOf('AS SELECT')]);
    expect(found('SELECT … INTO @variable')).toEqual([lineOf('INTO @last')]);
    expect(found('table maintenance statement')).toEqual([lineOf('OPTIMIZE TABLE')]);
    expect(found('LATERAL derived table')).toEqual([lineOf('LATERAL')]);
    expect(found('character set')).toEqual([lineOf('big5')]);
    expect(found('foreign key')).toEqual([lineOf('FOREIGN KEY'), lineOf('FOREIGN KEY')]);
    // Every rule has caught something, and the comment on line 3 caught nothing.
    expect(new Set(findings.map((finding) => finding.feature))).toEqual(
      new Set(TIDB_RULES.map((rule) => rule.feature)),
    );
    expect(findings.some((finding) => finding.line === 3)).toBe(false);
    expect(describeFinding(findings[0])).toBe(
      `1799999999999-Everything.ts:${lineOf('CREATE TRIGGER')} uses trigger (“CREATE TRIGGER”): ${TIDB_RULES[0].why}`,
    );
  });

  it('lets the ordinary spellings through: utf8mb4, ascending indexes, ORDER BY … DESC, row locks', () => {
    const fine = [
      "await queryRunner.query('ALTER TABLE notes CONVERT TO CHARACTER SET utf8mb4');",
      "new TableIndex({ name: 'idx_reports_queue', columnNames: ['townshipCode', 'status', 'createdAt'] });",
      "await queryRunner.query('UPDATE reports SET rank = (SELECT MAX(rank) FROM ranks ORDER BY month DESC LIMIT 1)');",
      "await queryRunner.query('SELECT id FROM payouts WHERE id = ? FOR UPDATE', [id]);",
      "const url = 'https://docs.pingcap.com/tidb/stable/mysql-compatibility'; // a trigger in a comment",
    ].join('\n');
    expect(findTidbIncompatibilities('fine.ts', fine).map(describeFinding)).toEqual([]);
  });

  it('blanks comments but keeps strings and line numbers', () => {
    const source = "const a = 'x // not a comment'; // CREATE TRIGGER\n/* FULLTEXT\n */ const b = 1;";
    const blanked = blankComments(source);
    expect(blanked.split('\n')).toHaveLength(3);
    expect(blanked).toContain("'x // not a comment'");
    expect(blanked).not.toMatch(/TRIGGER|FULLTEXT/);
    expect(blanked).toContain('const b = 1;');
  });
});
