import { AuditLog, PointsEntryRow, RedemptionRow, ShopItemRow } from '../../db/entities';
import { newId } from '../../db/ids';
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
import { type TestApp, createTestApp } from '../../test/testApp';
import type { Citizen } from '../../db/entities';

describe('治理积分: awards, the village shop and redemptions', () => {
  let app: TestApp;
  let world: World;
  let handler: string;
  let cadre: string;
  let county: string;
  let jianchiCadre: string;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.power.id,
      }),
    );
    cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    jianchiCadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.jianchiVillage }),
    );
  });
  afterAll(() => app.close());

  const act = (token: string, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(token)).send(body);
  const pointsOf = async (citizen: Citizen) =>
    (await app.http.get('/api/v1/points').set(bearer(citizenToken(app.deps, citizen)))).body;

  async function resolvedReport(citizen: Citizen): Promise<string> {
    const submitted = await submitReport(app, citizen, { categoryCode: 'power' });
    expect(submitted.body.status).toBe('dispatched');
    expect((await act(handler, submitted.body.id, { action: 'sign' })).status).toBe(200);
    expect((await act(handler, submitted.body.id, { action: 'resolve', note: '已更换电线杆' })).status).toBe(200);
    return submitted.body.id;
  }

  async function shopItem(body: Record<string, unknown> = {}): Promise<{ id: string; stock: number }> {
    const created = await app.http
      .post('/api/v1/staff/points/items')
      .set(bearer(cadre))
      .send({ name: '洗衣粉', pointsPrice: 10, stock: 5, regionCode: REGIONS.chengguanVillage, ...body });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function citizenWith(points: number): Promise<Citizen> {
    const citizen = await buildCitizen(app.dataSource);
    await app.dataSource.getRepository(PointsEntryRow).insert({
      id: newId(),
      citizenId: citizen.id,
      delta: points,
      reason: 'volunteer',
      sourceId: 'seed',
      regionCode: REGIONS.chengguanVillage,
      note: null,
      staffId: null,
    });
    return citizen;
  }

  it('a resolved report earns once, even when reopened and resolved again; rating earns once', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const reportId = await resolvedReport(citizen);
    expect((await pointsOf(citizen)).balance).toBe(10);
    const token = citizenToken(app.deps, citizen);
    expect(
      (
        await app.http
          .post(`/api/v1/reports/${reportId}/rating`)
          .set(bearer(token))
          .send({ score: 1, comment: '没修好' })
      ).body.status,
    ).toBe('reopened');
    expect((await act(handler, reportId, { action: 'sign' })).status).toBe(200);
    expect((await act(handler, reportId, { action: 'resolve', note: '再次处理' })).status).toBe(200);
    const summary = await pointsOf(citizen);
    expect(summary.balance).toBe(12);
    expect(
      summary.entries.items.map((entry: { reason: string; delta: number }) => [entry.reason, entry.delta]).sort(),
    ).toEqual([
      ['rating', 2],
      ['report_resolved', 10],
    ]);
  });

  it('a report refused as 不予受理 earns nothing', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const dispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    const submitted = await submitReport(app, citizen, { text: '测试内容无实际问题' });
    expect((await act(dispatcher, submitted.body.id, { action: 'reject', note: '非本平台受理范围' })).status).toBe(200);
    expect((await pointsOf(citizen)).balance).toBe(0);
  });

  it('the county changes a rule and it applies to the next award; other roles may not', async () => {
    expect(
      (
        await app.http
          .put('/api/v1/staff/points/rules/report_resolved')
          .set(bearer(handler))
          .send({ points: 20, enabled: true })
      ).status,
    ).toBe(403);
    expect(
      (await app.http.put('/api/v1/staff/points/rules/report_resolved').send({ points: 20, enabled: true })).status,
    ).toBe(401);
    const bad = await app.http
      .put('/api/v1/staff/points/rules/report_resolved')
      .set(bearer(county))
      .send({ points: -1, enabled: true });
    expect(bad.body.error.field).toBe('points');
    expect(
      (
        await app.http
          .put('/api/v1/staff/points/rules/report_resolved')
          .set(bearer(county))
          .send({ points: 20, enabled: true })
      ).status,
    ).toBe(200);
    const rules = await app.http.get('/api/v1/staff/points/rules').set(bearer(county));
    expect(rules.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'report_resolved', points: 20, enabled: true })]),
    );
    const citizen = await buildCitizen(app.dataSource);
    await resolvedReport(citizen);
    expect((await pointsOf(citizen)).balance).toBe(20);
    await app.http
      .put('/api/v1/staff/points/rules/report_resolved')
      .set(bearer(county))
      .send({ points: 20, enabled: false });
    const another = await buildCitizen(app.dataSource);
    await resolvedReport(another);
    expect((await pointsOf(another)).balance).toBe(0);
    await app.http
      .put('/api/v1/staff/points/rules/report_resolved')
      .set(bearer(county))
      .send({ points: 10, enabled: true });
    expect(await app.dataSource.getRepository(AuditLog).countBy({ action: 'points_rule.update' })).toBe(3);
  });

  it('the cadre stocks their own village shop only; villagers see their shop', async () => {
    const item = await shopItem({ name: '食用油', pointsPrice: 50, stock: 2 });
    const elsewhere = await app.http
      .post('/api/v1/staff/points/items')
      .set(bearer(jianchiCadre))
      .send({ name: '毛巾', pointsPrice: 5, stock: 1, regionCode: REGIONS.chengguanVillage });
    expect(elsewhere.status).toBe(403);
    const nameMissing = await app.http
      .post('/api/v1/staff/points/items')
      .set(bearer(cadre))
      .send({ pointsPrice: 5, stock: 1, regionCode: REGIONS.chengguanVillage });
    expect(nameMissing.body.error.field).toBe('name');
    expect(
      (await app.http.patch(`/api/v1/staff/points/items/${item.id}`).set(bearer(jianchiCadre)).send({ stock: 9 }))
        .status,
    ).toBe(403);
    const villager = await buildCitizen(app.dataSource);
    const shop = await app.http.get('/api/v1/points/shop').set(bearer(citizenToken(app.deps, villager)));
    expect(shop.body.map((entry: { id: string }) => entry.id)).toContain(item.id);
    const outsider = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    expect((await app.http.get('/api/v1/points/shop').set(bearer(citizenToken(app.deps, outsider)))).body).toEqual([]);
    expect(
      (
        await app.http
          .post('/api/v1/points/redemptions')
          .set(bearer(citizenToken(app.deps, outsider)))
          .send({ itemId: item.id })
      ).status,
    ).toBe(403);
    expect((await app.http.get('/api/v1/points/shop')).status).toBe(401);
  });

  it('redeeming reserves points and stock, the cadre verifies the code once, and cancelling refunds once', async () => {
    const item = await shopItem({ pointsPrice: 30, stock: 1 });
    const citizen = await citizenWith(40);
    const token = citizenToken(app.deps, citizen);
    const redeemed = await app.http.post('/api/v1/points/redemptions').set(bearer(token)).send({ itemId: item.id });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({
      status: 'reserved',
      points: 30,
      item: { name: '洗衣粉' },
      code: expect.stringMatching(/^\d{8}$/),
      allowedActions: ['cancel'],
    });
    expect((await pointsOf(citizen)).balance).toBe(10);
    expect((await app.dataSource.getRepository(ShopItemRow).findOneByOrFail({ id: item.id })).stock).toBe(0);
    const soldOut = await app.http
      .post('/api/v1/points/redemptions')
      .set(bearer(citizenToken(app.deps, await citizenWith(100))))
      .send({ itemId: item.id });
    expect(soldOut.status).toBe(409);

    expect(
      (
        await app.http
          .post('/api/v1/staff/points/redemptions/verify')
          .set(bearer(jianchiCadre))
          .send({ code: redeemed.body.code })
      ).status,
    ).toBe(403);
    expect(
      (await app.http.post('/api/v1/staff/points/redemptions/verify').set(bearer(cadre)).send({ code: '12' })).body
        .error.field,
    ).toBe('code');
    const verified = await app.http
      .post('/api/v1/staff/points/redemptions/verify')
      .set(bearer(cadre))
      .send({ code: redeemed.body.code });
    expect(verified.body).toMatchObject({ status: 'fulfilled', fulfilledAt: expect.any(String), allowedActions: [] });
    expect(
      (
        await app.http
          .post('/api/v1/staff/points/redemptions/verify')
          .set(bearer(cadre))
          .send({ code: redeemed.body.code })
      ).status,
    ).toBe(409);
    expect(
      (await app.http.post(`/api/v1/points/redemptions/${redeemed.body.id}/cancel`).set(bearer(token))).status,
    ).toBe(409);

    const second = await shopItem({ pointsPrice: 5, stock: 3 });
    const reserved = await app.http.post('/api/v1/points/redemptions').set(bearer(token)).send({ itemId: second.id });
    const stranger = await buildCitizen(app.dataSource);
    expect(
      (
        await app.http
          .post(`/api/v1/points/redemptions/${reserved.body.id}/cancel`)
          .set(bearer(citizenToken(app.deps, stranger)))
      ).status,
    ).toBe(403);
    const cancelled = await app.http.post(`/api/v1/points/redemptions/${reserved.body.id}/cancel`).set(bearer(token));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    expect(
      (await app.http.post(`/api/v1/points/redemptions/${reserved.body.id}/cancel`).set(bearer(token))).status,
    ).toBe(409);
    expect((await pointsOf(citizen)).balance).toBe(10);
    expect((await app.dataSource.getRepository(ShopItemRow).findOneByOrFail({ id: second.id })).stock).toBe(3);
    const mine = await app.http.get('/api/v1/points/redemptions').set(bearer(token));
    expect(mine.body.items.map((entry: { status: string }) => entry.status)).toEqual(['cancelled', 'fulfilled']);
    expect(mine.body.items.map((entry: { allowedActions: string[] }) => entry.allowedActions)).toEqual([[], []]);
  });

  it('tells the citizen and the shop keeper they may cancel a waiting redemption, and lets them; no one else', async () => {
    const item = await shopItem({ pointsPrice: 5, stock: 5 });
    const citizen = await citizenWith(20);
    const token = citizenToken(app.deps, citizen);
    const redeemAndShow = async () => {
      const redeemed = await app.http.post('/api/v1/points/redemptions').set(bearer(token)).send({ itemId: item.id });
      const listed = await app.http.get('/api/v1/staff/points/redemptions?pageSize=100').set(bearer(cadre));
      const asStaff = listed.body.items.find((entry: { id: string }) => entry.id === redeemed.body.id);
      return { id: redeemed.body.id, citizenTold: redeemed.body.allowedActions, staffTold: asStaff.allowedActions };
    };
    const staffCancel = (staff: string, id: string) =>
      app.http.post(`/api/v1/staff/points/redemptions/${id}/cancel`).set(bearer(staff));

    const first = await redeemAndShow();
    expect(first).toMatchObject({ citizenTold: ['cancel'], staffTold: ['cancel'] });
    // The 涧池镇 cadre's shop is elsewhere: refused, and the redemption still waits.
    expect((await staffCancel(jianchiCadre, first.id)).status).toBe(403);
    const byKeeper = await staffCancel(cadre, first.id);
    expect(byKeeper.status).toBe(200);
    expect(byKeeper.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    expect((await staffCancel(cadre, first.id)).body.error.code).toBe('conflict');

    const second = await redeemAndShow();
    const stranger = citizenToken(app.deps, await buildCitizen(app.dataSource));
    expect((await app.http.post(`/api/v1/points/redemptions/${second.id}/cancel`).set(bearer(stranger))).status).toBe(
      403,
    );
    const byCitizen = await app.http.post(`/api/v1/points/redemptions/${second.id}/cancel`).set(bearer(token));
    expect(byCitizen.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
  });

  it('concurrent redemptions never oversell and never spend the same points twice', async () => {
    const item = await shopItem({ pointsPrice: 10, stock: 3 });
    const buyers = await Promise.all(Array.from({ length: 6 }, () => citizenWith(10)));
    const answers = await Promise.all(
      buyers.map((buyer) =>
        app.http
          .post('/api/v1/points/redemptions')
          .set(bearer(citizenToken(app.deps, buyer)))
          .send({ itemId: item.id }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(3);
    expect((await app.dataSource.getRepository(ShopItemRow).findOneByOrFail({ id: item.id })).stock).toBe(0);
    expect(await app.dataSource.getRepository(RedemptionRow).countBy({ itemId: item.id })).toBe(3);

    const plenty = await shopItem({ pointsPrice: 10, stock: 10 });
    const eager = await citizenWith(15);
    const taps = await Promise.all(
      Array.from({ length: 4 }, () =>
        app.http
          .post('/api/v1/points/redemptions')
          .set(bearer(citizenToken(app.deps, eager)))
          .send({ itemId: plenty.id }),
      ),
    );
    expect(taps.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect((await pointsOf(eager)).balance).toBe(5);
    expect((await app.dataSource.getRepository(ShopItemRow).findOneByOrFail({ id: plenty.id })).stock).toBe(9);
  });

  it("the cadre records volunteer work by the villager's bound phone, once per activity and day", async () => {
    const phone = '13912345678';
    const villager = await buildCitizen(app.dataSource, { phoneHash: app.deps.cipher.lookupHash(phone) });
    const award = { phone, activity: '清理河道垃圾', activityDate: '2026-11-20' };
    const first = await app.http.post('/api/v1/staff/points/volunteer').set(bearer(cadre)).send(award);
    expect(first.status).toBe(201);
    expect(first.body.delta).toBe(5);
    expect((await app.http.post('/api/v1/staff/points/volunteer').set(bearer(cadre)).send(award)).status).toBe(409);
    expect(
      (
        await app.http
          .post('/api/v1/staff/points/volunteer')
          .set(bearer(cadre))
          .send({ ...award, activityDate: '2026-11-21', points: 8 })
      ).status,
    ).toBe(201);
    expect((await pointsOf(villager)).balance).toBe(13);
    expect(
      (
        await app.http
          .post('/api/v1/staff/points/volunteer')
          .set(bearer(jianchiCadre))
          .send({ ...award, activity: '修路' })
      ).status,
    ).toBe(403);
    const unknown = await app.http
      .post('/api/v1/staff/points/volunteer')
      .set(bearer(cadre))
      .send({ ...award, phone: '13700000000' });
    expect(unknown.body.error.field).toBe('phone');
    expect((await app.http.post('/api/v1/staff/points/volunteer').set(bearer(handler)).send(award)).status).toBe(403);

    const ledger = await app.http.get('/api/v1/staff/points/ledger?reason=volunteer').set(bearer(cadre));
    expect(ledger.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          delta: 8,
          citizenName: '张大爷',
          villageName: '五一村',
          note: '2026-11-21 清理河道垃圾',
        }),
      ]),
    );
    expect(
      (await app.http.get(`/api/v1/staff/points/ledger?regionCode=${REGIONS.jianchi}`).set(bearer(cadre))).status,
    ).toBe(403);
    expect(
      (await app.http.get('/api/v1/staff/points/ledger').set(bearer(jianchiCadre))).body.items.every(
        (entry: { villageName: string }) => entry.villageName === '紫云村',
      ),
    ).toBe(true);
  });
});
