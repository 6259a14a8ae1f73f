import { Report } from '../../db/entities';
import { presentStaffSummary } from '../../presenters/report';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, staffToken, submitReport } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

const NOW = new Date('2026-05-12T02:00:00Z');
const HOUR = 3600_000;

describe('work queue rows', () => {
  let app: TestApp;
  let county: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => NOW });
    await buildWorld(app.dataSource);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it('are the summary of the whole report, though the queue reads only the columns a row shows', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const routed = await submitReport(app, citizen, { categoryCode: 'power', text: '二组停电一整天了' });
    const triage = await submitReport(app, citizen, { text: `${'村口垃圾堆放很久没人清理，'.repeat(6)}味道很大` });
    const rated = await submitReport(app, citizen, { categoryCode: 'power', text: '电线老化' });
    const reports = app.dataSource.getRepository(Report);
    // What a row shows besides the submission: escalation, a transcript, followers, a rating, a late deadline.
    await reports.update(routed.body.id, {
      escalated: true,
      tier: 'difficult',
      followerCount: 3,
      resolveDueAt: new Date(NOW.getTime() - HOUR),
    });
    await reports.update(triage.body.id, { text: null, transcript: '语音里说路灯坏了', transcriptSource: 'wechat' });
    await reports.update(rated.body.id, { status: 'closed', rating: 4 });

    const queue = await app.http.get('/api/v1/staff/reports?tab=all&pageSize=100').set(bearer(county));
    expect(queue.status).toBe(200);
    const lookups = await app.deps.reference.snapshot();
    const ids = [routed.body.id, triage.body.id, rated.body.id];
    const rows = queue.body.items.filter((item: { id: string }) => ids.includes(item.id));
    const whole = await Promise.all(ids.map((id) => reports.findOneByOrFail({ id })));
    expect(rows).toEqual(
      // The queue's order: newest first.
      whole.reverse().map((report) => JSON.parse(JSON.stringify(presentStaffSummary(report, lookups, NOW)))),
    );
    expect(rows).toMatchObject([
      { rating: 4 },
      { transcript: '语音里说路灯坏了', transcriptSource: 'wechat', excerpt: '语音里说路灯坏了' },
      { overdue: true, escalated: true, tier: 'difficult', followers: 3 },
    ]);
  });
});
