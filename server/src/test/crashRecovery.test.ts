import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { TokenSigner } from '../crypto/tokens';
import { IdempotencyKey, Report, ReportEvent } from '../db/entities';
import { REGIONS, buildCitizen, buildWorld } from './factories';
import { type ServerProcess, startServerProcess } from './serverProcess';
import { testConfig } from './testApp';
import { createTestDataSource, testDatabaseUrl } from './testDatabase';

/**
 * kill -9 in the middle of submissions, then every submission retried with its Idempotency-Key,
 * as the mini-program does: no report answered before the crash is lost, none is stored twice,
 * no serial number is issued twice, and every report has its whole event trail. The submissions in
 * flight are written in groups, several to a transaction (submissionWriter): the kill cuts groups.
 */
describe('a server killed with kill -9 during submissions', () => {
  // Enough that the server is still writing when the fifth answer reaches the test, even when the
  // test's own process is starved for a second or two on a busy machine.
  const SUBMISSIONS = 160;
  let dataSource: DataSource;
  let url: string;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    url = await testDatabaseUrl('file');
    dataSource = await createTestDataSource(url);
    await buildWorld(dataSource);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    await dataSource?.destroy();
  }, 60_000);

  const start = async () => {
    const server = await startServerProcess(url);
    running.push(server);
    return server;
  };

  it('loses and duplicates nothing when every submission is retried after the restart', async () => {
    const tokens = new TokenSigner(testConfig().tokenSecret);
    const citizens = await Promise.all([1, 2, 3, 4].map(() => buildCitizen(dataSource)));
    const submissions = Array.from({ length: SUBMISSIONS }, (_, index) => {
      const citizen = citizens[index % citizens.length];
      return {
        citizenId: citizen.id,
        key: `crash-test-${String(index).padStart(4, '0')}`,
        token: tokens.sign({ sub: citizen.id, kind: 'citizen', ver: 0, exp: Math.floor(Date.now() / 1000) + 3600 }),
        // Half are routed at once (submitted + route events), half wait for triage (submitted).
        body: {
          serviceCode: 'direct',
          villageCode: index % 2 ? REGIONS.jianchiVillage : REGIONS.chengguanVillage,
          text: `第 ${index} 件：村口电线杆倾斜，存在安全隐患`,
          ...(index % 2 ? { categoryCode: 'power' } : {}),
        },
      };
    });
    const submit = (server: ServerProcess, submission: (typeof submissions)[number]) =>
      fetch(`${server.baseUrl}/api/v1/reports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${submission.token}`,
          'idempotency-key': submission.key,
        },
        body: JSON.stringify(submission.body),
      }).then(
        async (response) => ({
          status: response.status,
          body: (await response.json()) as { id: string; serialNo: string },
        }),
        () => null, // the connection died with the server
      );

    const first = await start();
    const answered = new Map<string, { id: string; serialNo: string }>();
    const statuses: (number | string | undefined)[] = [];
    let kill: () => void = () => undefined;
    const killed = new Promise<void>((resolve) => (kill = resolve));
    // The first five go alone and are answered; then the rest are sent and the server is
    // killed (synchronously, in the callback of the sixth answer) while it is still writing them.
    for (const submission of submissions.slice(0, 5)) {
      const answer = await submit(first, submission);
      statuses.push(answer?.status);
      if (answer?.status === 201) answered.set(submission.key, answer.body);
    }
    const inFlight = submissions.slice(5).map((submission) =>
      submit(first, submission).then((answer) => {
        statuses.push(
          answer && answer.status !== 201 ? `${answer.status} ${JSON.stringify(answer.body)}` : answer?.status,
        );
        if (answer?.status !== 201) return;
        answered.set(submission.key, answer.body);
        if (answered.size === 6) {
          first.child.kill('SIGKILL');
          kill();
        }
      }),
    );
    await Promise.race([killed, Promise.all(inFlight)]);
    await first.killHard();
    await Promise.all(inFlight);
    // Each was answered 201 or cut off by the kill; nothing else.
    expect(statuses.filter((status) => status !== 201 && status !== undefined)).toEqual([]);
    expect(answered.size).toBeGreaterThanOrEqual(6);
    expect(answered.size).toBeLessThan(SUBMISSIONS);

    const second = await start();
    const retried = await Promise.all(submissions.map((submission) => submit(second, submission)));
    expect(retried.map((answer) => answer?.status)).toEqual(submissions.map(() => 201));
    // Answered before the crash: the retry names the same report and serial number.
    for (const [key, before] of answered) {
      const retry = retried[submissions.findIndex((submission) => submission.key === key)];
      expect(retry?.body).toMatchObject({ id: before.id, serialNo: before.serialNo });
    }

    const reports = await dataSource.getRepository(Report).findBy({ citizenId: In(citizens.map(({ id }) => id)) });
    expect(reports).toHaveLength(SUBMISSIONS);
    expect(new Set(retried.map((answer) => answer?.body.id)).size).toBe(SUBMISSIONS);
    expect(new Set(reports.map((report) => report.serialNo)).size).toBe(SUBMISSIONS);
    expect(await dataSource.getRepository(IdempotencyKey).countBy({ key: In(submissions.map(({ key }) => key)) })).toBe(
      SUBMISSIONS,
    );
    const events = await dataSource.getRepository(ReportEvent).findBy({ reportId: In(reports.map(({ id }) => id)) });
    for (const report of reports) {
      const trail = events.filter((event) => event.reportId === report.id).map((event) => event.type);
      expect(trail.sort()).toEqual(report.departmentId ? ['route', 'submitted'] : ['submitted']);
    }
    expect(reports.filter((report) => report.departmentId)).toHaveLength(SUBMISSIONS / 2);
  }, 420_000);
});
