import { DeletionRequestSchema, MyDataFileSchema } from '@minqing/shared';
import type { Citizen } from '../../db/entities';
import { Message, NoticeRead } from '../../db/entities';
import { newId } from '../../db/ids';
import { workingCalendar } from '../../deadlines/workingCalendar';
import {
  REGIONS,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('my data: export and deletion request', () => {
  let app: TestApp;
  let me: Citizen;
  let neighbour: Citizen;

  const asCitizen = (who: Citizen) => bearer(citizenToken(app.deps, who));

  async function buildMessage(recipient: Citizen, title: string, reportId: string | null = null) {
    return app.dataSource.getRepository(Message).save({
      id: newId(),
      recipientType: 'citizen',
      recipientId: recipient.id,
      kind: 'report_signed',
      title,
      body: `${title}：您反映的问题已受理。`,
      reportId,
      readAt: null,
    });
  }

  /** Monday 2026-11-23 10:00 in Beijing. */
  const NOW = new Date('2026-11-23T02:00:00Z');

  /** Every key of a JSON value, at any depth. */
  function keysOf(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(keysOf);
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
    return [];
  }

  beforeAll(async () => {
    app = await createTestApp({ clock: () => NOW });
    await buildWorld(app.dataSource);
    me = await buildCitizen(app.dataSource, {
      nickname: '王大娘',
      phoneEncrypted: app.deps.cipher.encrypt('13912345678'),
    });
    neighbour = await buildCitizen(app.dataSource, {
      nickname: '李大爷',
      phoneEncrypted: app.deps.cipher.encrypt('13700001111'),
      villageCode: REGIONS.jianchiVillage,
    });
  });
  afterAll(() => app.close());

  describe('GET /api/v1/me/export', () => {
    it('answers 401 without a citizen token, and to staff', async () => {
      expect((await app.http.get('/api/v1/me/export')).status).toBe(401);
      const staff = await buildStaff(app.dataSource, { role: 'county' });
      const response = await app.http.get('/api/v1/me/export').set(bearer(staffToken(app.deps, staff)));
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    });

    it("is a JSON attachment holding the caller's data, phone in full, and nobody else's", async () => {
      const mine = await submitReport(app, me, { text: '我家门口路灯不亮了', contactPhone: '13512340000' });
      expect(mine.status).toBe(201);
      const theirs = await submitReport(app, neighbour, {
        villageCode: REGIONS.jianchiVillage,
        text: '邻居家的水管漏水',
      });
      expect(theirs.status).toBe(201);
      await buildMessage(me, '给我的消息', mine.body.id);
      await buildMessage(neighbour, '给邻居的消息', theirs.body.id);
      await app.dataSource.getRepository(NoticeRead).insert({ noticeId: newId(), citizenId: neighbour.id });

      const response = await app.http.get('/api/v1/me/export').set(asCitizen(me));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="minqing-my-data-\d{8}\.json"/);
      expect(response.headers['cache-control']).toBe('no-store');

      const data = MyDataFileSchema.strict().parse(response.body);
      expect(data.个人资料).toMatchObject({
        用户编号: me.id,
        称呼: '王大娘',
        手机号: '13912345678',
        所在村代码: REGIONS.chengguanVillage,
        所在村: '五一村',
        微信OpenID: me.openid,
      });
      expect(data.反映的问题.map((report) => report.编号)).toEqual([mine.body.serialNo]);
      expect(data.反映的问题[0]).toMatchObject({ 反映内容: '我家门口路灯不亮了', 联系电话: '13512340000' });
      expect(data.反映的问题[0].办理进度.length).toBeGreaterThan(0);
      expect(data.消息.map((message) => message.标题)).toEqual(['给我的消息']);
      expect(data.看过的通知).toEqual([]);

      const raw = JSON.stringify(response.body);
      // A file the villager reads: no English field name anywhere, states and times in words.
      expect(keysOf(response.body).filter((key) => /^[A-Za-z]/.test(key))).toEqual([]);
      expect(data.导出时间).toBe('2026年11月23日 10:00');
      expect(data.反映的问题[0]).toMatchObject({
        状态: '已收到',
        事项类型: '民情直通',
        匿名举报: '否',
        评价: '未评价',
        提交时间: '2026年11月23日 10:00',
      });
      expect(data.反映的问题[0].办理进度[0]).toMatchObject({
        时间: '2026年11月23日 10:00',
        进度: '已收到',
        办理方: '您',
      });
      expect(data.消息[0]).toMatchObject({ 内容: '给我的消息：您反映的问题已受理。', 已读: '未读' });
      for (const foreign of [
        neighbour.id,
        neighbour.openid,
        '李大爷',
        '13700001111',
        '邻居家的水管漏水',
        '给邻居的消息',
        theirs.body.serialNo,
      ]) {
        expect(raw).not.toContain(foreign);
      }
    });
  });

  describe('POST /api/v1/me/deletion-request', () => {
    it('answers 401 without a citizen token', async () => {
      expect((await app.http.post('/api/v1/me/deletion-request').send({})).status).toBe(401);
    });

    it('answers 400 naming the field for a reason that is too long', async () => {
      const response = await app.http
        .post('/api/v1/me/deletion-request')
        .set(asCitizen(me))
        .send({ reason: '不'.repeat(201) });
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('reason');
    });

    it('records the request and says what happens next; asking again answers the same pending request', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const first = await app.http
        .post('/api/v1/me/deletion-request')
        .set(asCitizen(citizen))
        .send({ reason: '不再使用' });
      expect(first.status).toBe(202);
      const request = DeletionRequestSchema.parse(first.body);
      expect(request).toMatchObject({ status: 'pending', reason: '不再使用', handledAt: null });
      expect(request.message).toContain('15 个工作日内');
      // The end of the 15th working day: three working weeks at least.
      expect(request.dueBy).toBe(workingCalendar.addWorkingDays(new Date(request.requestedAt), 15).toISOString());
      expect(Date.parse(request.dueBy) - Date.parse(request.requestedAt)).toBeGreaterThan(18 * 24 * 3600_000);

      const again = await app.http.post('/api/v1/me/deletion-request').set(asCitizen(citizen)).send({});
      expect(again.status).toBe(202);
      expect(again.body).toEqual(first.body);

      // Two taps at once still make one request.
      const other = await buildCitizen(app.dataSource);
      const [a, b] = await Promise.all([
        app.http.post('/api/v1/me/deletion-request').set(asCitizen(other)).send({}),
        app.http.post('/api/v1/me/deletion-request').set(asCitizen(other)).send({}),
      ]);
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body.id).toBe(b.body.id);
      expect(a.body.id).not.toBe(first.body.id);

      const rows: { citizenId: string }[] = await app.dataSource.query(
        'SELECT citizenId FROM deletion_requests WHERE citizenId IN (?, ?)',
        [citizen.id, other.id],
      );
      expect(rows).toHaveLength(2);

      // The request is part of the citizen's data.
      const exported = await app.http.get('/api/v1/me/export').set(asCitizen(citizen));
      expect(exported.body.注销申请).toEqual([
        {
          状态: '处理中',
          申请时间: '2026年11月23日 10:00',
          处理期限: expect.stringMatching(/^2026年12月\d+日 23:59$/),
          处理时间: '',
          原因: '不再使用',
          说明: first.body.message,
        },
      ]);
    });
  });
});
