import crypto from 'node:crypto';
import { AuditLog, CashLedgerRow, PayoutEventRow, PayoutRow } from '../../db/entities';
import type { Citizen, Staff } from '../../db/entities';
import { payClientOf } from '../../integrations/wechatpay/payClient';
import { reconcilePayouts } from '../../commands/payouts/payoutTransfers';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { FakeWechatPay } from '../../test/fakeWechatPay';
import { type TestApp, createTestApp } from '../../test/testApp';

const LIMITS = { perPaymentFen: 50_000, perMonthFen: 80_000 };

describe('cash rewards and subsidies through WeChat Pay 商家转账', () => {
  const pay = new FakeWechatPay();
  let app: TestApp;
  let world: World;
  let proposer: Staff;
  let approver: Staff;
  let handler: string;

  beforeAll(async () => {
    await pay.start();
    app = await createTestApp({ config: { wechatPay: pay.config(), payoutLimits: LIMITS } });
    world = await buildWorld(app.dataSource);
    proposer = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
    approver = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.power.id,
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await pay.stop();
  });

  const as = (staff: Staff) => bearer(staffToken(app.deps, staff));

  /** A 违法举报 the dispatcher verified and the power station resolved. */
  async function verifiedReport(citizen: Citizen, serviceCode = 'illegal'): Promise<string> {
    const submitted = await submitReport(app, citizen, {
      serviceCode,
      text: '有人在河里电鱼',
      anonymous: serviceCode === 'illegal',
    });
    const act = (token: string, body: object) =>
      app.http.post(`/api/v1/staff/reports/${submitted.body.id}/actions`).set(bearer(token)).send(body);
    expect((await act(staffToken(app.deps, proposer), { action: 'assign', departmentId: world.power.id })).status).toBe(
      200,
    );
    expect((await act(handler, { action: 'sign' })).status).toBe(200);
    expect((await act(handler, { action: 'resolve', note: '经查属实，已移交派出所' })).status).toBe(200);
    return submitted.body.id;
  }

  async function proposedReward(amountFen = 20_000): Promise<{ citizen: Citizen; payoutId: string }> {
    const citizen = await buildCitizen(app.dataSource);
    const reportId = await verifiedReport(citizen);
    const proposed = await app.http
      .post('/api/v1/staff/payouts')
      .set(as(proposer))
      .send({ kind: 'reward', reportId, amountFen, remark: '违法举报奖励' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      recipientName: '举报人',
      recipientPhone: null,
      proposedBy: proposer.name,
      // Whoever proposed it may not decide on it.
      allowedActions: [],
    });
    return { citizen, payoutId: proposed.body.id };
  }

  const payoutRow = (id: string) => app.dataSource.getRepository(PayoutRow).findOneByOrFail({ id });
  const notify = (message: { body: string; headers: Record<string, string> }) =>
    app.http.post('/api/v1/wechatpay/transfer-notify').set(message.headers).send(message.body);

  it('pays a reward once: the proposer cannot approve, a second approval is refused, WeChat Pay gets one signed bill', async () => {
    const { citizen, payoutId } = await proposedReward();
    const listed = async (staff: typeof proposer) =>
      (await app.http.get('/api/v1/staff/payouts').set(as(staff))).body.items.find(
        (item: { id: string }) => item.id === payoutId,
      );
    expect((await listed(proposer)).allowedActions).toEqual([]);
    expect((await listed(approver)).allowedActions).toEqual(['approve', 'reject']);
    const own = await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(proposer));
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('提出人不能审批');
    const approved = await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(approver));
    expect(approved.body).toMatchObject({ status: 'wait_user_confirm', approvedBy: approver.name, allowedActions: [] });
    expect((await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(approver))).status).toBe(409);
    expect(pay.bills.get(payoutId)).toMatchObject({ openid: citizen.openid, transfer_amount: 20_000 });
    expect(pay.refused).toHaveLength(0);

    const rewards = await app.http.get('/api/v1/me/rewards').set(bearer(citizenToken(app.deps, citizen)));
    expect(rewards.body).toEqual([
      expect.objectContaining({
        id: payoutId,
        status: 'wait_user_confirm',
        amountFen: 20_000,
        confirm: { mchId: '1900000109', appId: 'wx-test-appid', package: expect.stringContaining(payoutId) },
      }),
    ]);

    // The villager confirms in the mini-program; WeChat Pay notifies, twice, as it may.
    const bill = pay.setState(payoutId, 'SUCCESS');
    expect((await notify(pay.notification(bill))).status).toBe(204);
    expect((await notify(pay.notification(bill))).status).toBe(204);
    expect(await payoutRow(payoutId)).toMatchObject({
      status: 'succeeded',
      transferBillNo: bill.transfer_bill_no,
      settledAt: expect.any(Date),
    });
    expect(await app.dataSource.getRepository(CashLedgerRow).findBy({ payoutId })).toEqual([
      expect.objectContaining({ amountFen: 20_000, citizenId: citizen.id }),
    ]);
    const events = await app.dataSource
      .getRepository(PayoutEventRow)
      .find({ where: { payoutId }, order: { createdAt: 'ASC' } });
    expect(events.map((event) => [event.toStatus, event.source])).toEqual([
      ['sending', 'staff'],
      ['wait_user_confirm', 'wechatpay'],
      ['succeeded', 'notify'],
    ]);
    expect(await app.dataSource.getRepository(AuditLog).countBy({ targetId: payoutId })).toBe(2);
    expect(pay.createdCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses forged, stale and tampered notifications and changes nothing', async () => {
    const { payoutId } = await proposedReward(1_000);
    await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(approver));
    const bill = pay.setState(payoutId, 'SUCCESS');
    const stranger = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect((await notify(pay.notification(bill, { signWith: stranger.privateKey }))).status).toBe(401);
    expect((await notify(pay.notification(bill, { ageSeconds: 600 }))).status).toBe(401);
    expect((await notify(pay.notification(bill, { tamper: true }))).status).toBe(400);
    const unsigned = pay.notification(bill);
    expect(
      (
        await app.http
          .post('/api/v1/wechatpay/transfer-notify')
          .set('Content-Type', 'application/json')
          .send(unsigned.body)
      ).status,
    ).toBe(401);
    expect((await payoutRow(payoutId)).status).toBe('wait_user_confirm');
    expect(await app.dataSource.getRepository(CashLedgerRow).countBy({ payoutId })).toBe(0);
  });

  it('keeps an approved payout when WeChat Pay is down, and reconciliation sends it once and settles it', async () => {
    const { payoutId } = await proposedReward(3_000);
    pay.outage = 'down';
    const approved = await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(approver));
    expect(approved.body.status).toBe('sending');
    const client = payClientOf(app.deps)!;
    // Each run two minutes after the last, so what moved in one run is stale by the next.
    let later = 0;
    const reconcile = () => {
      later += 120_000;
      return reconcilePayouts({ ...app.deps, clock: () => new Date(Date.now() + later) }, client, {
        staleMs: 60_000,
        batchSize: 50,
      });
    };
    expect(await reconcile()).toBe(0); // still down: nothing lost, nothing moved
    expect((await payoutRow(payoutId)).status).toBe('sending');
    pay.outage = null;
    pay.initialState = 'PROCESSING';
    expect(await reconcile()).toBeGreaterThanOrEqual(1);
    expect((await payoutRow(payoutId)).status).toBe('processing');
    await reconcile(); // PROCESSING again: nothing to do
    expect(await app.dataSource.getRepository(PayoutEventRow).countBy({ payoutId, toStatus: 'processing' })).toBe(1);
    pay.setState(payoutId, 'SUCCESS');
    expect(await reconcile()).toBeGreaterThanOrEqual(1);
    expect((await payoutRow(payoutId)).status).toBe('succeeded');
    expect(await app.dataSource.getRepository(CashLedgerRow).countBy({ payoutId })).toBe(1);
    expect([...pay.bills.keys()].filter((id) => id === payoutId)).toHaveLength(1);
    pay.initialState = 'WAIT_USER_CONFIRM';
  });

  it('a failed transfer frees the report for a new proposal; a rejected one too', async () => {
    const { payoutId } = await proposedReward(2_000);
    pay.initialState = 'PROCESSING';
    await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(approver));
    pay.initialState = 'WAIT_USER_CONFIRM';
    const bill = pay.setState(payoutId, 'FAIL', 'PAYEE_ACCOUNT_ABNORMAL');
    expect((await notify(pay.notification(bill))).status).toBe(204);
    const failed = await payoutRow(payoutId);
    expect(failed).toMatchObject({ status: 'failed', note: 'PAYEE_ACCOUNT_ABNORMAL', dedupeKey: null });
    const again = await app.http
      .post('/api/v1/staff/payouts')
      .set(as(proposer))
      .send({ kind: 'reward', reportId: failed.reportId, amountFen: 2_000, remark: '重新发放奖励' });
    expect(again.status).toBe(201);
    expect(
      (
        await app.http
          .post('/api/v1/staff/payouts')
          .set(as(proposer))
          .send({ kind: 'reward', reportId: failed.reportId, amountFen: 2_000, remark: '再发一次' })
      ).status,
    ).toBe(409);
    const rejected = await app.http
      .post(`/api/v1/staff/payouts/${again.body.id}/reject`)
      .set(as(approver))
      .send({ reason: '金额需重新核定' });
    expect(rejected.body).toMatchObject({ status: 'rejected', note: '金额需重新核定' });
    expect((await app.http.post(`/api/v1/staff/payouts/${again.body.id}/approve`).set(as(approver))).status).toBe(409);
  });

  it("checks the proposal: only verified 违法举报, within the limits, and a grid worker's subsidy once a month", async () => {
    const citizen = await buildCitizen(app.dataSource);
    const ordinary = await verifiedReport(citizen, 'direct');
    const notIllegal = await app.http
      .post('/api/v1/staff/payouts')
      .set(as(proposer))
      .send({ kind: 'reward', reportId: ordinary, amountFen: 1_000, remark: '奖励' });
    expect(notIllegal.body.error.field).toBe('reportId');
    const open = await submitReport(app, citizen, { serviceCode: 'illegal', text: '有人赌博' });
    expect(
      (
        await app.http
          .post('/api/v1/staff/payouts')
          .set(as(proposer))
          .send({ kind: 'reward', reportId: open.body.id, amountFen: 1_000, remark: '奖励' })
      ).body.error.field,
    ).toBe('reportId');
    const tooMuch = await app.http
      .post('/api/v1/staff/payouts')
      .set(as(proposer))
      .send({ kind: 'reward', reportId: open.body.id, amountFen: 60_000, remark: '奖励' });
    expect(tooMuch.body.error).toMatchObject({ field: 'amountFen', message: expect.stringContaining('500') });
    expect(
      (
        await app.http
          .post('/api/v1/staff/payouts')
          .set(as(proposer))
          .send({ kind: 'reward', amountFen: 100, remark: '奖励' })
      ).body.error.field,
    ).toBe('reportId');

    const phone = '13800001111';
    const gridWorker = await buildCitizen(app.dataSource, {
      nickname: '周明',
      phoneHash: app.deps.cipher.lookupHash(phone),
      phoneEncrypted: app.deps.cipher.encrypt(phone),
    });
    const subsidy = { kind: 'subsidy', phone, month: '2026-11', amountFen: 50_000, remark: '11月网格员补贴' };
    const first = await app.http.post('/api/v1/staff/payouts').set(as(proposer)).send(subsidy);
    expect(first.body).toMatchObject({
      status: 'proposed',
      recipientName: '周明',
      recipientPhone: '138****1111',
      month: '2026-11',
    });
    expect((await app.http.post('/api/v1/staff/payouts').set(as(proposer)).send(subsidy)).body.error.field).toBe(
      'month',
    );
    const overMonth = await app.http
      .post('/api/v1/staff/payouts')
      .set(as(proposer))
      .send({ ...subsidy, month: '2026-10', amountFen: 40_000 });
    expect(overMonth.body.error).toMatchObject({ field: 'amountFen', message: expect.stringContaining('800') });
    expect(gridWorker.id).toBeTruthy();
    const unknown = await app.http
      .post('/api/v1/staff/payouts')
      .set(as(proposer))
      .send({ ...subsidy, phone: '13900009999' });
    expect(unknown.body.error.field).toBe('phone');
  });

  it('is for dispatchers and the county, within their region', async () => {
    expect((await app.http.get('/api/v1/staff/payouts')).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/payouts').set(bearer(handler))).status).toBe(403);
    expect((await app.http.get('/api/v1/me/rewards')).status).toBe(401);
    const { payoutId } = await proposedReward(500);
    const elsewhere = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi });
    expect((await app.http.post(`/api/v1/staff/payouts/${payoutId}/approve`).set(as(elsewhere))).status).toBe(403);
    expect((await app.http.get('/api/v1/staff/payouts').set(as(elsewhere))).body.total).toBe(0);
    const listed = await app.http.get('/api/v1/staff/payouts?status=proposed').set(as(approver));
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(payoutId);
    expect((await app.http.get('/api/v1/staff/payouts/settings').set(as(approver))).body).toEqual({
      enabled: true,
      reason: null,
      maxPerPaymentFen: 50_000,
      maxPerMonthFen: 80_000,
    });
  });
});

describe('without WeChat Pay credentials', () => {
  it('says cash is off and refuses proposals clearly; the notification endpoint answers 503', async () => {
    const app = await createTestApp({ config: { wechatPay: null, payoutLimits: LIMITS } });
    try {
      const world = await buildWorld(app.dataSource);
      const county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
      const settings = await app.http.get('/api/v1/staff/payouts/settings').set(bearer(staffToken(app.deps, county)));
      expect(settings.body).toMatchObject({ enabled: false, reason: expect.stringContaining('未配置微信支付') });
      const citizen = await buildCitizen(app.dataSource);
      const report = await submitReport(app, citizen, { serviceCode: 'illegal' });
      const refused = await app.http
        .post('/api/v1/staff/payouts')
        .set(bearer(staffToken(app.deps, county)))
        .send({ kind: 'reward', reportId: report.body.id, amountFen: 1_000, remark: '奖励' });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('not_configured');
      expect((await app.http.post('/api/v1/wechatpay/transfer-notify').send({})).status).toBe(503);
      expect(world.power.id).toBeTruthy();
    } finally {
      await app.close();
    }
  });
});
