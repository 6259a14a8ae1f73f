import type { StaffRole } from '@minqing/shared';
import { ContentCheck, Household, Message, PointsEntryRow } from '../db/entities';
import type { Citizen, Staff } from '../db/entities';
import { newId } from '../db/ids';
import { createPartner } from '../commands/partnerKeys';
import { WeeklyBriefJob } from '../stats/weeklyBrief';
import { testPdf } from './documents';
import {
  REGIONS,
  bearer,
  buildCitizen,
  buildRegion,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from './factories';
import { testPhoto } from './media';
import type { TestApp } from './testApp';

/** Regions the small test county lacks: a second village of 城关镇 and a second grid of 五一村. */
export const MORE_REGIONS = { otherVillage: '610921100202', otherGrid: '610921100201002' } as const;

/** Every kind of caller the authorization matrix tries, each with its own token (or none). */
export const CALLERS = [
  'anonymous',
  'citizen',
  'otherCitizen',
  'sysadmin',
  'county',
  'dispatcher',
  'otherDispatcher',
  'handler',
  'otherHandler',
  'cadre',
  'otherCadre',
  'gridWorker',
  'otherGridWorker',
] as const;
export type Caller = (typeof CALLERS)[number];
export type StaffCaller = Exclude<Caller, 'anonymous' | 'citizen' | 'otherCitizen'>;

/** Who reported anonymously: none of this may reach a staff member. */
export const WHISTLEBLOWER = {
  nickname: '吴匿名',
  phone: '13922223333',
  maskedPhone: '139****3333',
  openid: 'openid-whistleblower',
} as const;

/** The ids the routes' path parameters name, and what the checks look for. */
export interface AuthorizationWorld {
  tokens: Record<Caller, string | null>;
  staff: Record<StaffCaller, Staff>;
  citizen: Citizen;
  whistleblower: Citizen;
  departments: { power: string; jianchiPower: string; agriculture: string };
  /** 城关镇五一村, routed to 城关镇供电所, filed under the citizen's name, with a photo. */
  namedReport: { id: string; serialNo: string; photo: string };
  /** An anonymous 违法举报 of another household of the same village, resolved (it earned points), with a photo. */
  anonymousReport: { id: string; serialNo: string; photo: string; text: string };
  notice: { id: string; fileId: string };
  article: { id: string; fileId: string };
  replyTemplateId: string;
  routingRuleId: string;
  managedAccountId: string;
  citizenMessageId: string;
  handlerMessageId: string;
  shopItemId: string;
  redemption: { id: string; code: string };
  heldCheckId: string;
  rewardPayoutId: string;
  subsidyPayoutId: string;
  /** The citizen's own payout, approved and on its way. */
  approvedPayoutId: string;
  /** A household of 五一村第一网格 (the grid worker's grid). */
  householdId: string;
  /** A partner (合作方) whose api_key may be revoked. */
  partnerId: string;
  /** The week of the 研判简报 made for the county and each township. */
  briefWeek: string;
  /** Creators of rows a DELETE removes, so every caller meets a row that still exists. */
  fresh: {
    replyTemplate(): Promise<string>;
    routingRule(): Promise<string>;
    noticeFile(): Promise<string>;
    articleFile(): Promise<string>;
    partner(): Promise<string>;
  };
}

const STAFF_SCOPES = (
  departments: Awaited<ReturnType<typeof buildWorld>>,
): Record<StaffCaller, { role: StaffRole; regionCode: string; departmentId?: string }> => ({
  sysadmin: { role: 'sysadmin', regionCode: REGIONS.county },
  county: { role: 'county', regionCode: REGIONS.county },
  dispatcher: { role: 'dispatcher', regionCode: REGIONS.chengguan },
  otherDispatcher: { role: 'dispatcher', regionCode: REGIONS.jianchi },
  handler: { role: 'handler', regionCode: REGIONS.chengguan, departmentId: departments.power.id },
  otherHandler: { role: 'handler', regionCode: REGIONS.county, departmentId: departments.agriculture.id },
  cadre: { role: 'cadre', regionCode: REGIONS.chengguanVillage },
  otherCadre: { role: 'cadre', regionCode: MORE_REGIONS.otherVillage },
  gridWorker: { role: 'grid_worker', regionCode: REGIONS.chengguanGrid },
  otherGridWorker: { role: 'grid_worker', regionCode: MORE_REGIONS.otherGrid },
});

/** One world for the whole matrix: built once, every caller's token signed once. */
export async function buildAuthorizationWorld(app: TestApp): Promise<AuthorizationWorld> {
  const ds = app.dataSource;
  const departments = await buildWorld(ds);
  await buildRegion(ds, MORE_REGIONS.otherVillage, '东风村', 'village', REGIONS.chengguan);
  await buildRegion(ds, MORE_REGIONS.otherGrid, '五一村第二网格', 'grid', REGIONS.chengguanVillage);
  const scopes = STAFF_SCOPES(departments);
  const staff = {} as Record<StaffCaller, Staff>;
  for (const [caller, scope] of Object.entries(scopes) as [StaffCaller, (typeof scopes)[StaffCaller]][]) {
    staff[caller] = await buildStaff(ds, { ...scope, name: caller, departmentId: scope.departmentId ?? null });
  }
  const withPhone = (phone: string) => ({
    phoneEncrypted: app.deps.cipher.encrypt(phone),
    phoneHash: app.deps.cipher.lookupHash(phone),
  });
  const citizen = await buildCitizen(ds, { nickname: '李村民', ...withPhone('13811112222') });
  const otherCitizen = await buildCitizen(ds, { nickname: '周外村', villageCode: REGIONS.jianchiVillage });
  const whistleblower = await buildCitizen(ds, {
    nickname: WHISTLEBLOWER.nickname,
    openid: WHISTLEBLOWER.openid,
    ...withPhone(WHISTLEBLOWER.phone),
  });
  const tokens: Record<Caller, string | null> = {
    anonymous: null,
    citizen: citizenToken(app.deps, citizen),
    otherCitizen: citizenToken(app.deps, otherCitizen),
    ...(Object.fromEntries(
      Object.entries(staff).map(([caller, member]) => [caller, staffToken(app.deps, member)]),
    ) as Record<StaffCaller, string>),
  };
  const as = (caller: Caller) => bearer(tokens[caller]!);
  const created = async (
    response: Promise<{ status: number; body: { id: string } }> | { status: number; body: { id: string } },
    status = 201,
  ) => {
    const answer = await response;
    if (answer.status !== status) throw new Error(`setup failed (${answer.status}): ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  const reportWithPhoto = async (reporter: Citizen, body: Record<string, unknown>) => {
    const photo = await created(
      app.http
        .post('/api/v1/uploads')
        .set(bearer(citizenToken(app.deps, reporter)))
        .attach('file', await testPhoto(), 'a.png'),
    );
    const report = (await created(
      submitReport(app, reporter, { categoryCode: 'power', photoUploadIds: [photo.id], ...body }),
    )) as { id: string; serialNo: string };
    return { id: report.id, serialNo: report.serialNo, photo: photo.id };
  };
  const namedReport = await reportWithPhoto(citizen, {
    text: '村道路灯不亮，晚上出行不便',
    location: { lat: 32.8915, lng: 108.5084, coordSystem: 'gcj02', address: '五一村村道' },
    contactPhone: '13811112222',
  });
  const anonymousText = '邻居在河边私设地笼捕鱼';
  const anonymousReport = {
    ...(await reportWithPhoto(whistleblower, {
      serviceCode: 'illegal',
      anonymous: true,
      text: anonymousText,
      location: { lat: 32.8921, lng: 108.5092, coordSystem: 'wgs84', address: '五一村河边' },
      contactPhone: WHISTLEBLOWER.phone,
    })),
    text: anonymousText,
  };
  for (const action of [{ action: 'sign' }, { action: 'resolve', note: '已查实并拆除' }]) {
    await created(
      app.http.post(`/api/v1/staff/reports/${anonymousReport.id}/actions`).set(as('handler')).send(action),
      200,
    );
  }

  const notice = await created(
    app.http
      .post('/api/v1/staff/notices')
      .set(as('cadre'))
      .send({ title: '五一村公示', body: '公示内容', category: 'village', regionCode: REGIONS.chengguanVillage }),
  );
  const article = await created(
    app.http.post('/api/v1/staff/articles').set(as('county')).send({
      title: '医保指南',
      summary: '报销流程',
      body: '一、报销范围',
      category: 'guide',
      regionCode: REGIONS.county,
    }),
  );
  const contentFile = (segment: 'notices' | 'articles', id: string, publisher: Caller) => async () =>
    (
      await created(
        app.http.post(`/api/v1/staff/${segment}/${id}/files`).set(as(publisher)).attach('file', testPdf(), '名单.pdf'),
      )
    ).id;
  const noticeFile = contentFile('notices', notice.id, 'cadre');
  const articleFile = contentFile('articles', article.id, 'county');
  const noticeFileId = await noticeFile();
  const articleFileId = await articleFile();
  await created(app.http.post(`/api/v1/staff/notices/${notice.id}/publish`).set(as('cadre')), 200);
  await created(app.http.post(`/api/v1/staff/articles/${article.id}/publish`).set(as('county')), 200);

  const replyTemplate = async () =>
    (
      await created(
        app.http
          .post('/api/v1/staff/reply-templates')
          .set(as('dispatcher'))
          .send({ title: `模板${newId()}`, body: '您好，已收到。', regionCode: REGIONS.chengguan }),
      )
    ).id;
  const routingRule = async () =>
    (
      await created(
        app.http
          .post('/api/v1/staff/routing/rules')
          .set(as('county'))
          .send({ categoryCode: 'power', regionCode: MORE_REGIONS.otherVillage, departmentId: departments.power.id }),
      )
    ).id;
  const managed = await buildStaff(ds, {
    role: 'grid_worker',
    regionCode: REGIONS.chengguanGrid,
    name: '被管理的网格员',
  });

  const message = (recipientType: 'citizen' | 'staff', recipientId: string) => ({
    id: newId(),
    recipientType,
    recipientId,
    kind: 'report_signed' as const,
    title: '已受理',
    body: '您的事项已受理',
    reportId: namedReport.id,
    noticeId: null,
    articleId: null,
    readAt: null,
  });
  const citizenMessage = message('citizen', citizen.id);
  const handlerMessage = message('staff', staff.handler.id);
  await ds.getRepository(Message).insert([citizenMessage, handlerMessage]);

  await ds.getRepository(PointsEntryRow).insert({
    id: newId(),
    citizenId: citizen.id,
    delta: 50,
    reason: 'volunteer',
    sourceId: 'seed',
    regionCode: REGIONS.chengguanVillage,
    note: '清扫河道',
    staffId: null,
  });
  const shopItem = await created(
    app.http
      .post('/api/v1/staff/points/items')
      .set(as('cadre'))
      .send({ name: '洗衣粉', pointsPrice: 10, stock: 5, regionCode: REGIONS.chengguanVillage }),
  );
  const redemption = (await created(
    app.http.post('/api/v1/points/redemptions').set(as('citizen')).send({ itemId: shopItem.id }),
  )) as { id: string; code: string };

  const heldCheck = {
    id: newId(),
    subjectType: 'report' as const,
    subjectId: namedReport.id,
    field: 'text' as const,
    citizenId: citizen.id,
    reportId: namedReport.id,
    regionCode: REGIONS.chengguanVillage,
  };
  await ds.getRepository(ContentCheck).insert({
    ...heldCheck,
    status: 'review',
    label: null,
    traceId: null,
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    moderation: 'held',
    moderatedById: null,
    moderatedAt: null,
  });

  const proposer = staffToken(
    app.deps,
    await buildStaff(ds, { role: 'dispatcher', regionCode: REGIONS.chengguan, name: '提出人' }),
  );
  const propose = (body: Record<string, unknown>) =>
    created(app.http.post('/api/v1/staff/payouts').set(bearer(proposer)).send(body));
  const reward = await propose({ kind: 'reward', reportId: anonymousReport.id, amountFen: 5_000, remark: '举报奖励' });
  const subsidy = await propose({
    kind: 'subsidy',
    phone: '13811112222',
    month: '2026-10',
    amountFen: 10_000,
    remark: '网格员补贴',
  });
  const approved = await propose({
    kind: 'subsidy',
    phone: '13811112222',
    month: '2026-08',
    amountFen: 10_000,
    remark: '网格员补贴',
  });
  await created(app.http.post(`/api/v1/staff/payouts/${approved.id}/approve`).set(as('county')), 200);

  const householdId = newId();
  await ds.getRepository(Household).insert({
    id: householdId,
    gridCode: REGIONS.chengguanGrid,
    headName: '李大爷',
    address: '一组 1 号',
    phoneEncrypted: null,
    phoneHash: null,
    memberCount: 1,
    tags: ['elderly_alone'],
    liaisonId: null,
    lastVisitedAt: null,
  });

  const partner = async () =>
    (await createPartner(app.deps, { staff: staff.county, name: '县12345热线', ip: '127.0.0.1' })).partner.id;

  return {
    tokens,
    staff,
    citizen,
    whistleblower,
    departments: {
      power: departments.power.id,
      jianchiPower: departments.jianchiPower.id,
      agriculture: departments.agriculture.id,
    },
    namedReport,
    anonymousReport,
    notice: { id: notice.id, fileId: noticeFileId },
    article: { id: article.id, fileId: articleFileId },
    replyTemplateId: await replyTemplate(),
    routingRuleId: await routingRule(),
    managedAccountId: managed.id,
    citizenMessageId: citizenMessage.id,
    handlerMessageId: handlerMessage.id,
    shopItemId: shopItem.id,
    redemption,
    heldCheckId: heldCheck.id,
    rewardPayoutId: reward.id,
    subsidyPayoutId: subsidy.id,
    approvedPayoutId: approved.id,
    householdId,
    partnerId: await partner(),
    briefWeek: (await new WeeklyBriefJob(app.deps).runOnce(app.deps.clock())).week,
    fresh: { replyTemplate, routingRule, noticeFile, articleFile, partner },
  };
}
