import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_NAMES } from '@minqing/shared';

const SOURCE = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * The audit actions written in the server's code: the keys on lines that hand an action to the
 * audit log (`action: '…'`, `audit('…')`, `…Audit(…, '…')`). A key built from a template
 * (`notice.${action}`) gives its fixed prefix, ending in a dot.
 */
function writtenActions(): { file: string; action: string }[] {
  const found: { file: string; action: string }[] = [];
  for (const file of sourceFiles(SOURCE)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/recordAudit|Audit\(/.test(text)) continue;
    for (const line of text.split('\n').filter((candidate) => /action:|audit\(|Audit\(/.test(candidate))) {
      for (const match of line.matchAll(/'((?:login|logout)[a-z_]*|[a-z_]+\.[a-z_]+)'|`([a-z_]+\.)\$\{/g)) {
        found.push({ file: path.relative(SOURCE, file), action: match[1] ?? match[2] });
      }
    }
  }
  return found;
}

describe('audit action names', () => {
  const names = Object.keys(AUDIT_ACTION_NAMES);

  it('finds the actions the server writes', () => {
    const actions = writtenActions().map((written) => written.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'login',
        'report.export',
        'ranking.export',
        'staff_account.disable',
        'notice.',
        'report.',
      ]),
    );
  });

  it('has a Chinese name for every action the server writes', () => {
    const unnamed = writtenActions().filter(({ action }) =>
      action.endsWith('.') ? !names.some((name) => name.startsWith(action)) : !names.includes(action),
    );
    expect(unnamed).toEqual([]);
  });
});
