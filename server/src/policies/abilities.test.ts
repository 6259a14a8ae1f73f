import { STAFF_ROLES } from '@minqing/shared';
import { abilitiesOf } from './abilities';

describe('abilities: what each role may do, sent with the account', () => {
  it('a handler works the queue and sees the statistics, and configures nothing', () => {
    expect(abilitiesOf('handler')).toEqual(['queue', 'stats']);
  });

  it('the county supervisor dispatches, supervises and configures, but does not read the audit log', () => {
    const county = abilitiesOf('county');
    expect(county).toEqual(expect.arrayContaining(['queue', 'triage', 'stats', 'config', 'accounts', 'payouts']));
    expect(county).toEqual(expect.arrayContaining(['households', 'supervise', 'moderate', 'partners']));
    expect(county).not.toContain('audit');
    expect(county).not.toContain('file_on_behalf');
  });

  it('the county centre and dispatchers read the 研判简报; nobody else does', () => {
    const readers = STAFF_ROLES.filter((role) => abilitiesOf(role).includes('briefs'));
    expect(readers).toEqual(['dispatcher', 'county']);
  });

  it('a sysadmin configures and reads the audit log, but has no work queue', () => {
    const sysadmin = abilitiesOf('sysadmin');
    expect(sysadmin).toEqual(expect.arrayContaining(['config', 'accounts', 'audit', 'stats']));
    expect(sysadmin).not.toContain('queue');
    expect(sysadmin).not.toContain('triage');
  });

  it('a village cadre runs the village: its reports, notices, the points shop, households, 代报 and visits, no cash', () => {
    expect(abilitiesOf('cadre')).toEqual([
      'queue',
      'notices',
      'points',
      'shop',
      'households',
      'edit_households',
      'import_households',
      'file_on_behalf',
      'visit',
      'supervise',
    ]);
  });

  it('a 三线 member looks after households and files 代报, with no report queue', () => {
    expect(abilitiesOf('liaison')).toEqual(['households', 'file_on_behalf', 'visit']);
  });

  it('every role gets a list without repeats', () => {
    for (const role of STAFF_ROLES) {
      const abilities = abilitiesOf(role);
      expect(new Set(abilities).size).toBe(abilities.length);
    }
  });
});
