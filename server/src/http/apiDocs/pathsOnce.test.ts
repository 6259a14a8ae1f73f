import fs from 'node:fs';
import path from 'node:path';
import { API_CONTRACTS } from '@minqing/shared';

/**
 * Each route's path is written once, in its declaration: the server, the admin panel and the
 * mini-program take it from the contract. A path written out again as a string literal (with or
 * without /api/v1, its parameters as `:id`, `{id}` or `${…}`, with or without a query) fails here.
 */
const REPOSITORY = path.resolve(__dirname, '../../../..');
const SOURCES = ['shared/src', 'server/src', 'server/admin/src', 'miniapp/src'];
const isTest = (file: string) => /\.test\.tsx?$|\/__tests__\/|\/server\/src\/test\//.test(file);

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !isTest(full) ? [full] : [];
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A quoted literal spelling `routePath`, e.g. '/api/v1/reports/:id', `/reports/${id}?page=1`. */
function literalOf(routePath: string): RegExp {
  const pattern = routePath
    .split(/(:\w+)/)
    .map((part) => (part.startsWith(':') ? '(?::\\w+|\\{\\w+\\}|\\$\\{[^}]+\\})' : escapeRegExp(part)))
    .join('');
  return new RegExp(`['"\`](?:/api/v1)?${pattern}(?:\\?[^'"\`]*)?['"\`]`);
}

describe('route paths', () => {
  it('are recognised however a literal spells them', () => {
    const literal = literalOf('/reports/:id/rating');
    for (const spelling of [
      "'/reports/:id/rating'",
      '"/api/v1/reports/{id}/rating"',
      `\`/reports/\${report.id}/rating?x=1\``,
    ])
      expect(literal.test(spelling)).toBe(true);
    expect(literal.test("'/reports/:id/ratings'")).toBe(false);
  });

  // A family's paths may be built in its declaration (`/${kind}/:id/files`); none is written again.
  it('are each written in one source file at most, their declaration', () => {
    const files = SOURCES.flatMap((source) => sourceFiles(path.join(REPOSITORY, source))).map((file) => ({
      name: path.relative(REPOSITORY, file),
      text: fs.readFileSync(file, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(500);
    const writtenTwice = [...new Set(API_CONTRACTS.map((contract) => contract.path))].flatMap((routePath) => {
      const literal = literalOf(routePath);
      const holders = files.filter((file) => literal.test(file.text)).map((file) => file.name);
      return holders.length > 1 ? [`${routePath}: ${holders.join(', ')}`] : [];
    });
    expect(writtenTwice).toEqual([]);
  });
});
