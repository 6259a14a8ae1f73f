import type { Staff } from '../../db/entities';
import { PayoutEventRow, PayoutRow } from '../../db/entities';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { FakeWechatPay } from '../../test/fakeWechatPay';
import { type TestApp, createTestApp } from '../../test/testApp';

describe("a grid worker's subsidy goes out in its own 转账场景", () => {
  const pay = new FakeWechatPay();
  let app: TestApp;
  let proposer: Staff;
  let approver: Staff;
  let phones = 0;

  beforeAll(async () => {
    await pay.start();
    app = await createTestApp({
      config: { wechatPay: pay.config(), payoutLimits: { perPaymentFen: 50_000, perMonthFen: 100_000 } },
    });
    await buildWorld(app.dataSource);
    proposer = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
    approver = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
  });
  afterAll(async () => {
    await app.close();
    await pay.stop();
  });

  /** A subsidy for a new grid worker, proposed and then approved by someone else: the server transfers at once. */
  async function approvedSubsidy(): Promise<string> {
    const phone = `1390000${String((phones += 1)).padStart(4, '0')}`;
    await buildCitizen(app.dataSource, {
      phoneHash: app.deps.cipher.lookupHash(phone),
      phoneEncrypted: app.deps.cipher.encrypt(phone),
    });
    const proposed = await app.http
      .post('/api/v1/staff/payouts')
      .set(bearer(staffToken(app.deps, proposer)))
      .send({ kind: 'subsidy', phone, month: '2026-11', amountFen: 30_000, remark: '11月网格员补贴' });
    expect(proposed.status).toBe(201);
    const approved = await app.http
      .post(`/api/v1/staff/payouts/${proposed.body.id}/approve`)
      .set(bearer(staffToken(app.deps, approver)));
    expect(approved.status).toBe(200);
    return proposed.body.id;
  }

  it('is paid as 佣金报酬 (1005): 劳务报酬 with 岗位类型 and 报酬说明, which WeChat Pay accepts', async () => {
    const payoutId = await approvedSubsidy();
    expect((await app.dataSource.getRepository(PayoutRow).findOneByOrFail({ id: payoutId })).status).toBe(
      'wait_user_confirm',
    );
    expect(pay.scenes.get(payoutId)).toEqual({
      transfer_scene_id: '1005',
      user_recv_perception: '劳务报酬',
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: '网格员' },
        { info_type: '报酬说明', info_content: '2026-11 网格员补贴' },
      ],
    });
  });

  it("fails with WeChat Pay's reason when the merchant was not granted the scene, and is not retried", async () => {
    pay.grantedScenes = new Set(['1000']);
    try {
      const payoutId = await approvedSubsidy();
      expect(await app.dataSource.getRepository(PayoutRow).findOneByOrFail({ id: payoutId })).toMatchObject({
        status: 'failed',
        note: '该转账场景不可用',
        dedupeKey: null,
      });
      const events = await app.dataSource.getRepository(PayoutEventRow).findBy({ payoutId, toStatus: 'failed' });
      expect(events).toEqual([
        expect.objectContaining({ source: 'wechatpay', detail: 'INVALID_REQUEST: 该转账场景不可用' }),
      ]);
      expect(pay.bills.has(payoutId)).toBe(false);
    } finally {
      pay.grantedScenes = new Set(['1000', '1005']);
    }
  });
});
