import { createPartner } from '../commands/partnerKeys';
import { Citizen, Report, Staff } from '../db/entities';
import { REGIONS } from '../test/factories';
import { OPENNESS_NOW, type OpennessWorld, SECRETS, buildOpennessWorld } from '../test/opennessWorld';
import { type TestApp, createTestApp } from '../test/testApp';

/**
 * Nothing public ever identifies a person: every answer of every public route — the village board,
 * the ranking and its trend, and all of Open311 — is serialized and searched for the reporters'
 * nicknames, phones, openids, ids, voice clips, exact places, and for the reports that must never be
 * public (anonymous, 涉疫, 风险, 代表工作, 公开 off, unchecked, too old).
 */
describe('no public answer names, reaches or places a person', () => {
  let app: TestApp;
  let world: OpennessWorld;
  let now = OPENNESS_NOW;
  let apiKey: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    world = await buildOpennessWorld(app, (at) => {
      now = at;
    });
    const staff = await app.dataSource.getRepository(Staff).findOneByOrFail({ role: 'county' });
    apiKey = (await createPartner(app.deps, { staff, name: '汉阴县12345热线', ip: '127.0.0.1' })).apiKey;
  }, 60_000);
  afterAll(() => app.close());

  async function forbiddenMarks(): Promise<string[]> {
    const citizens = await app.dataSource.getRepository(Citizen).find();
    const reports = await app.dataSource.getRepository(Report).find();
    const byId = new Map(reports.map((report) => [report.id, report]));
    const never = (['held', 'private', 'anonymous', 'epidemic', 'risk', 'deputy', 'old'] as const).map(
      (key) => byId.get(world.reports[key].id)!,
    );
    return [
      SECRETS.nickname,
      SECRETS.openid,
      SECRETS.phone,
      `${SECRETS.phone.slice(0, 3)}****${SECRETS.phone.slice(-4)}`,
      SECRETS.address,
      String(SECRETS.lat),
      String(SECRETS.lng),
      SECRETS.whistleNickname,
      SECRETS.whistleOpenid,
      world.media.voiceId,
      ...citizens.flatMap((citizen) => [citizen.id, citizen.openid]),
      ...reports.flatMap((report) => [report.id, report.contactPhoneEncrypted ?? '']),
      ...never.flatMap((report) => [report.serialNo, report.text ?? '']),
    ].filter((mark) => mark.length > 0);
  }

  it('holds for the board, the ranking, its trend and every Open311 answer', async () => {
    const serials = Object.values(world.reports).map((report) => report.serialNo);
    const month = '2026-11';
    const paths = [
      ...[REGIONS.chengguanVillage, REGIONS.jianchiVillage].flatMap((village) =>
        ['', '&status=open', '&status=resolved'].map(
          (status) => `/api/v1/public/reports?villageCode=${village}${status}`,
        ),
      ),
      `/api/v1/public/rankings?month=${month}`,
      `/api/v1/public/rankings/trend?departmentId=${world.world.power.id}&months=3&month=${month}`,
      '/open311/v2/discovery.json',
      '/open311/v2/services.json',
      '/open311/v2/services/power.json',
      '/open311/v2/requests.json',
      '/open311/v2/requests.json?status=open,closed',
      `/open311/v2/requests.json?service_request_id=${serials.join(',')}`,
      ...serials.map((serial) => `/open311/v2/requests/${serial}.json`),
    ];
    const answers: string[] = [];
    for (const path of paths) {
      const response = await app.http.get(path);
      expect([200, 404]).toContain(response.status);
      answers.push(JSON.stringify(response.body));
    }
    const filed = await app.http.post('/open311/v2/requests.json').send({
      api_key: apiKey,
      service_code: 'power',
      address_id: REGIONS.chengguanVillage,
      description: '12345 转来：变压器异响',
      first_name: '王',
      last_name: '某某',
      phone: '13700001111',
    });
    expect(filed.status).toBe(201);
    answers.push(JSON.stringify(filed.body));
    answers.push(JSON.stringify((await app.http.get('/open311/v2/requests.json')).body));

    // The searched answers do carry the public reports — the search would find a leak.
    const text = answers.join('\n');
    expect(text).toContain(world.reports.resolved.serialNo);
    const marks = [...(await forbiddenMarks()), '13700001111', '某某'];
    expect(marks.filter((mark) => text.includes(mark))).toEqual([]);
  });
});
