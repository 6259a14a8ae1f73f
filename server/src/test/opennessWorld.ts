import { ContentCheck, Report } from '../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
} from './factories';
import { testPhoto, testVoice } from './media';
import type { TestApp } from './testApp';

/**
 * A village whose reports test what may be public: one public 民情直通 report resolved with an answer,
 * one still open, and beside them every kind that must never be shown — held for moderation, 公开
 * switched off, anonymous 违法举报, 涉疫报备, 风险申报, 代表工作, another village's, and one older than
 * 90 days — all filed over HTTP by a reporter whose nickname, phone, openid, voice and exact place
 * the tests then look for in every public answer.
 */
export const OPENNESS_NOW = new Date('2026-11-20T02:00:00.000Z');

export const SECRETS = {
  nickname: '保密昵称李秀英',
  openid: 'openid-never-public-0001',
  phone: '13912345678',
  address: '五一村三组老槐树下第3户',
  lat: 32.891234,
  lng: 108.512345,
  whistleNickname: '举报人周某某',
  whistleOpenid: 'openid-whistleblower-0002',
  anonymousText: '河道里有人夜间非法采砂，匿名举报',
  privateText: '我家门前排水沟堵了，不想公开',
  heldText: '学校门口路灯不亮，等待审核的反映',
  epidemicText: '涉疫报备：从外地返乡三人',
  riskText: '风险申报：山体裂缝有滑坡风险',
  deputyText: '代表工作：建议修建村级文化广场',
  oldText: '九十天以前反映的桥面破损',
} as const;

export const RESOLVED_TEXT = '村口电线杆倾斜，存在安全隐患，请尽快处理';
export const OPEN_TEXT = '五一村二组自来水浑浊，已经三天了';
export const OTHER_VILLAGE_TEXT = '紫云村村道塌方，车辆无法通行';
export const ANSWER = '已更换电线杆并加固拉线，线路恢复正常。';

export interface OpennessWorld {
  world: World;
  tokens: { citizen: string; whistleblower: string; moderator: string; handler: string; county: string };
  reports: Record<
    'resolved' | 'open' | 'held' | 'private' | 'anonymous' | 'epidemic' | 'risk' | 'deputy' | 'otherVillage' | 'old',
    { id: string; serialNo: string }
  >;
  media: { photoId: string; voiceId: string };
}

export async function buildOpennessWorld(app: TestApp, setNow: (at: Date) => void): Promise<OpennessWorld> {
  const world = await buildWorld(app.dataSource);
  const citizen = await buildCitizen(app.dataSource, {
    nickname: SECRETS.nickname,
    openid: SECRETS.openid,
    phoneEncrypted: app.deps.cipher.encrypt(SECRETS.phone),
  });
  const whistleblower = await buildCitizen(app.dataSource, {
    nickname: SECRETS.whistleNickname,
    openid: SECRETS.whistleOpenid,
  });
  const tokens = {
    citizen: citizenToken(app.deps, citizen),
    whistleblower: citizenToken(app.deps, whistleblower),
    moderator: staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' })),
    handler: staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id })),
    county: staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county })),
  };

  const upload = async (kind: 'photo' | 'voice') => {
    const request = app.http.post('/api/v1/uploads').set(bearer(tokens.citizen));
    const response =
      kind === 'photo'
        ? await request.attach('file', await testPhoto(), 'pole.png')
        : await request.field('durationSeconds', '1').attach('file', testVoice(), 'voice.wav');
    if (response.status !== 201) throw new Error(`upload ${kind}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };
  const submit = async (token: string, body: Record<string, unknown>) => {
    const response = await app.http
      .post('/api/v1/reports')
      .set(bearer(token))
      .send({ serviceCode: 'direct', villageCode: REGIONS.chengguanVillage, categoryCode: 'power', ...body });
    if (response.status !== 201) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
    return { id: response.body.id as string, serialNo: response.body.serialNo as string };
  };
  const act = async (reportId: string, body: Record<string, unknown>) => {
    const response = await app.http
      .post(`/api/v1/staff/reports/${reportId}/actions`)
      .set(bearer(tokens.handler))
      .send(body);
    if (response.status !== 200) throw new Error(`${body.action}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  /** What WeChat would have done had it been configured: a moderator releases the report's text and photos. */
  const release = async (reportId: string) => {
    const held = await app.dataSource.getRepository(ContentCheck).findBy({ reportId, moderation: 'held' });
    for (const check of held) {
      const response = await app.http
        .post(`/api/v1/staff/moderation/${check.id}/decision`)
        .set(bearer(tokens.county))
        .send({ decision: 'release' });
      if (response.status !== 200) throw new Error(`release: ${response.status} ${JSON.stringify(response.body)}`);
    }
  };

  setNow(new Date(OPENNESS_NOW.getTime() - 120 * 24 * 3600 * 1000));
  const old = await submit(tokens.citizen, { text: SECRETS.oldText });
  await release(old.id);

  setNow(new Date(OPENNESS_NOW.getTime() - 10 * 24 * 3600 * 1000));
  const photoId = await upload('photo');
  const voiceId = await upload('voice');
  const resolved = await submit(tokens.citizen, {
    text: RESOLVED_TEXT,
    photoUploadIds: [photoId],
    voice: { uploadId: voiceId, transcript: RESOLVED_TEXT },
    location: { lat: SECRETS.lat, lng: SECRETS.lng, address: SECRETS.address },
    contactPhone: SECRETS.phone,
  });
  await release(resolved.id);
  setNow(new Date(OPENNESS_NOW.getTime() - 9 * 24 * 3600 * 1000));
  await act(resolved.id, { action: 'sign' });
  setNow(new Date(OPENNESS_NOW.getTime() - 8 * 24 * 3600 * 1000));
  await act(resolved.id, { action: 'resolve', note: ANSWER });

  setNow(new Date(OPENNESS_NOW.getTime() - 2 * 24 * 3600 * 1000));
  const open = await submit(tokens.citizen, { text: OPEN_TEXT, location: { lat: SECRETS.lat, lng: SECRETS.lng } });
  await release(open.id);
  const held = await submit(tokens.citizen, { text: SECRETS.heldText });
  const privateReport = await submit(tokens.citizen, { text: SECRETS.privateText, public: false });
  await release(privateReport.id);
  const anonymous = await submit(tokens.whistleblower, {
    serviceCode: 'illegal',
    anonymous: true,
    text: SECRETS.anonymousText,
    categoryCode: undefined,
  });
  const epidemic = await submit(tokens.citizen, { serviceCode: 'epidemic', text: SECRETS.epidemicText });
  const risk = await submit(tokens.citizen, { serviceCode: 'risk', text: SECRETS.riskText });
  const deputy = await submit(tokens.citizen, { serviceCode: 'deputy', text: SECRETS.deputyText });
  const otherVillage = await submit(tokens.citizen, { villageCode: REGIONS.jianchiVillage, text: OTHER_VILLAGE_TEXT });
  await release(otherVillage.id);
  setNow(OPENNESS_NOW);
  // The submitter never stores these as public …
  const neverPublic = [anonymous, epidemic, risk, deputy];
  const stored = await app.dataSource.getRepository(Report).findBy(neverPublic.map(({ id }) => ({ id })));
  if (stored.some((report) => report.public)) throw new Error('a report of another service was stored as public');
  // … and even were they flagged public with their text passed, the board's query must leave them out.
  for (const report of neverPublic) {
    await app.dataSource.getRepository(Report).update({ id: report.id }, { public: true });
    await app.dataSource
      .getRepository(ContentCheck)
      .insert({ ...passedCheck(report.id), id: `01JCHECK${report.id.slice(8)}` });
  }

  return {
    world,
    tokens,
    reports: { resolved, open, held, private: privateReport, anonymous, epidemic, risk, deputy, otherVillage, old },
    media: { photoId, voiceId },
  };
}

function passedCheck(reportId: string): Omit<ContentCheck, 'id'> {
  return {
    subjectType: 'report',
    subjectId: reportId,
    field: 'text',
    citizenId: reportId,
    reportId,
    regionCode: REGIONS.chengguanVillage,
    status: 'pass',
    label: 100,
    traceId: null,
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    moderation: null,
    moderatedById: null,
    moderatedAt: null,
    createdAt: OPENNESS_NOW,
    updatedAt: OPENNESS_NOW,
  };
}
