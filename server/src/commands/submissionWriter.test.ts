import { In } from 'typeorm';
import type { Citizen } from '../db/entities';
import { IdempotencyKey, Report, ReportEvent } from '../db/entities';
import { REGIONS, buildCitizen, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import * as submissionWriter from './submissionWriter';

/**
 * Submissions that arrive while a transaction is being written share the next one. The first
 * submission's transaction is held until every other submission waits to be written, so the
 * rest are written together, in one transaction.
 */
describe('submissions written together', () => {
  let app: TestApp;
  let citizens: Citizen[];

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    citizens = await Promise.all([1, 2, 3].map(() => buildCitizen(app.dataSource)));
  });
  afterAll(() => app.close());
  afterEach(() => jest.restoreAllMocks());

  /** Sends the submissions at once with the first one's transaction held until all wait; their answers and the transactions. */
  async function submitTogether(submissions: { citizen: Citizen; body?: Record<string, unknown>; key?: string }[]) {
    const writes = jest.spyOn(submissionWriter, 'writeSubmission');
    const begin = app.dataSource.transaction.bind(app.dataSource);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transactions = jest.spyOn(app.dataSource, 'transaction').mockImplementation((async (work: never) => {
      if (transactions.mock.calls.length === 1) await held;
      return begin(work);
    }) as never);
    const answers = Promise.all(
      submissions.map(({ citizen, body, key }) => submitReport(app, citizen, body, key).then((response) => response)),
    );
    const deadline = Date.now() + 20_000;
    while (writes.mock.calls.length < submissions.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    return { answers: await answers, transactions: transactions.mock.calls.length };
  }

  it('writes the submissions that arrive meanwhile in one transaction, each with its own serial number and events', async () => {
    const submissions = Array.from({ length: 12 }, (_, index) => ({
      citizen: citizens[index % 3],
      body: {
        text: `第 ${index} 件：村口电线杆倾斜`,
        ...(index % 2 ? { categoryCode: 'power', villageCode: REGIONS.jianchiVillage } : {}),
      },
      key: `together-${index}`,
    }));
    const { answers, transactions } = await submitTogether(submissions);
    expect(answers.map((answer) => answer.status)).toEqual(submissions.map(() => 201));
    // The first alone (held), the other eleven together.
    expect(transactions).toBe(2);
    const ids = answers.map((answer) => answer.body.id as string);
    const reports = await app.dataSource.getRepository(Report).findBy({ id: In(ids) });
    expect(reports).toHaveLength(12);
    expect(new Set(reports.map((report) => report.serialNo)).size).toBe(12);
    const sequences = answers.map((answer) => Number(String(answer.body.serialNo).split('-')[1]));
    expect(Math.max(...sequences) - Math.min(...sequences)).toBe(11);
    const events = await app.dataSource.getRepository(ReportEvent).findBy({ reportId: In(ids) });
    for (const [index, answer] of answers.entries()) {
      const trail = events.filter((event) => event.reportId === answer.body.id).map((event) => event.type);
      expect(trail.sort()).toEqual(index % 2 ? ['route', 'submitted'] : ['submitted']);
      expect(answer.body.timeline.map((event: { type: string }) => event.type)).toEqual(
        index % 2 ? ['submitted', 'route'] : ['submitted'],
      );
    }
    const keys = await app.dataSource.getRepository(IdempotencyKey).findBy({ key: In(submissions.map((s) => s.key)) });
    expect(new Map(keys.map((key) => [key.key, key.reportId]))).toEqual(
      new Map(submissions.map((submission, index) => [submission.key, ids[index]])),
    );
  });

  it('answers a key retried within the group and in a later group with the one report', async () => {
    const [citizen, other] = citizens;
    const body = { text: '河边有人倾倒建筑垃圾' };
    const { answers, transactions } = await submitTogether([
      { citizen: other, body: { text: '先到的一件' }, key: 'retry-first' },
      { citizen, body, key: 'retry-same' },
      { citizen: other, body: { text: '同组的另一件' }, key: 'retry-other' },
      { citizen, body, key: 'retry-same' },
    ]);
    // The group of three failed on the repeated key and was written again one by one.
    expect(transactions).toBeGreaterThanOrEqual(2);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(answers[3].body.id).toBe(answers[1].body.id);
    expect(answers[3].headers['idempotent-replayed']).toBe('true');
    expect(answers[1].headers['idempotent-replayed']).toBeUndefined();
    const later = await submitReport(app, citizen, body, 'retry-same');
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ id: answers[1].body.id, serialNo: answers[1].body.serialNo });
    expect(await app.dataSource.getRepository(Report).countBy({ text: body.text })).toBe(1);
    const conflicting = await submitReport(app, citizen, { text: '另一件事' }, 'retry-same');
    expect(conflicting.status).toBe(409);
  });

  it('fails only the submission that cannot be stored, not the others of its group', async () => {
    const [citizen, other] = citizens;
    const { answers } = await submitTogether([
      { citizen, body: { text: '先到的一件（单独）' }, key: 'bad-first-1' },
      { citizen, body: { text: '同组的好的一件' }, key: 'bad-good-1' },
      {
        citizen: other,
        body: { text: '照片无效的一件', photoUploadIds: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'] },
        key: 'bad-row-1',
      },
      { citizen: other, body: { text: '同组的另一件好的' }, key: 'bad-good-2' },
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 400, 201]);
    expect(answers[2].body.error).toMatchObject({ field: 'photoUploadIds' });
    expect(await app.dataSource.getRepository(Report).countBy({ text: '照片无效的一件' })).toBe(0);
    expect(await app.dataSource.getRepository(IdempotencyKey).countBy({ key: 'bad-row-1' })).toBe(0);
    const good = await app.dataSource
      .getRepository(Report)
      .findBy({ text: In(['同组的好的一件', '同组的另一件好的']) });
    expect(good).toHaveLength(2);
    expect(new Set([...good.map((report) => report.serialNo), answers[0].body.serialNo]).size).toBe(3);
  });
});
