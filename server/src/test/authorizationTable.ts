import { REGIONS } from './factories';
import { MORE_REGIONS } from './authorizationWorld';
import type { AuthorizationWorld, Caller, StaffCaller } from './authorizationWorld';

/**
 * Who may call what, for every route of the OpenAPI document, in the world of authorizationWorld.ts.
 * `allowed` lists the callers that get through (a GET answers 2xx or 3xx; a change may still be
 * refused on its merits, 400/409/503, but never 401/403/404); everyone else must get 401, 403 or
 * 404. `public` routes ignore the token: every caller gets the same answer.
 */
export interface RouteCase {
  /** What this case tries, when a route has several (the named or the anonymous report …). */
  label?: string;
  allowed: readonly Caller[] | 'public';
  params?: (world: AuthorizationWorld) => Record<string, string>;
  query?: string;
  body?: (world: AuthorizationWorld) => object;
  /** A successful call removes the row its path names: make another for the next caller. */
  replace?: (world: AuthorizationWorld) => Promise<void>;
  /** Changes that would spoil the world for the routes after them: `late` (withdrawing), `last` (ending sessions). */
  phase?: 'late' | 'last';
}

const CITIZENS = ['citizen', 'otherCitizen'] as const satisfies readonly Caller[];
const STAFF = [
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
] as const satisfies readonly StaffCaller[];
const SIGNED_IN = [...CITIZENS, ...STAFF];
/** Every role that works reports sees its own queue (empty outside its scope); a sysadmin has none. */
const REPORT_WORKERS = STAFF.filter((caller) => caller !== 'sysadmin');
/** Those who may open the named report of 五一村 routed to 城关镇供电所: a grid worker of either grid of the village too. */
const SEES_NAMED = [
  'county',
  'dispatcher',
  'handler',
  'cadre',
  'gridWorker',
  'otherGridWorker',
] as const satisfies readonly Caller[];
/** The anonymous 违法举报 of the same village: not the village's grid workers. */
export const SEES_ANONYMOUS = ['county', 'dispatcher', 'handler', 'cadre'] as const satisfies readonly Caller[];
const DISPATCHERS = ['county', 'dispatcher', 'otherDispatcher'] as const satisfies readonly Caller[];
const TOWNSHIP_DISPATCH = ['county', 'dispatcher'] as const satisfies readonly Caller[];
const COUNTY_DESK = ['county', 'sysadmin'] as const satisfies readonly Caller[];
const STATS = [
  'sysadmin',
  'county',
  'dispatcher',
  'otherDispatcher',
  'handler',
  'otherHandler',
] as const satisfies readonly Caller[];
const PUBLISHERS = [
  'sysadmin',
  'county',
  'dispatcher',
  'otherDispatcher',
  'cadre',
  'otherCadre',
] as const satisfies readonly Caller[];
/** Publishers whose region holds the notice of 五一村. */
const NOTICE_PUBLISHERS = ['sysadmin', 'county', 'dispatcher', 'cadre'] as const satisfies readonly Caller[];
const SHOP_KEEPERS = [
  'county',
  'dispatcher',
  'otherDispatcher',
  'cadre',
  'otherCadre',
  'gridWorker',
  'otherGridWorker',
] as const satisfies readonly Caller[];
/** Shop keepers whose region holds 五一村's shop and villagers (a grid is narrower than its village). */
const VILLAGE_SHOP_KEEPERS = ['county', 'dispatcher', 'cadre'] as const satisfies readonly Caller[];
const MODERATORS = ['sysadmin', 'county', 'dispatcher', 'otherDispatcher'] as const satisfies readonly Caller[];
const NOBODY: readonly Caller[] = [];
/** The household roster and its visits: the field and those supervising it, each within their own scope. */
const HOUSEHOLD_VIEWERS = [
  'county',
  'dispatcher',
  'otherDispatcher',
  'cadre',
  'otherCadre',
  'gridWorker',
  'otherGridWorker',
] as const satisfies readonly Caller[];
const HOUSEHOLD_IMPORTERS = [
  'county',
  'dispatcher',
  'otherDispatcher',
  'cadre',
  'otherCadre',
] as const satisfies readonly Caller[];
const SUPERVISORS = HOUSEHOLD_IMPORTERS;

const id = (value: (world: AuthorizationWorld) => string) => (world: AuthorizationWorld) => ({ id: value(world) });
const named = id((world) => world.namedReport.id);
const anonymous = id((world) => world.anonymousReport.id);
/** Both reports of 五一村 under one staff report route. */
const onBothReports = (body?: RouteCase['body'], anonymousAllowed: readonly Caller[] = SEES_ANONYMOUS): RouteCase[] => [
  { label: 'named report', allowed: SEES_NAMED, params: named, body },
  { label: 'anonymous 违法举报', allowed: anonymousAllowed, params: anonymous, body },
];

export const AUTHORIZATION_TABLE: Record<string, RouteCase | RouteCase[]> = {
  'GET /healthz': { allowed: 'public' },
  'GET /api/v1/openapi.json': { allowed: 'public' },
  'GET /api/v1/docs': { allowed: 'public' },
  'POST /api/v1/auth/wechat-login': { allowed: 'public', body: () => ({ code: 'matrix-code' }) },
  'POST /api/v1/auth/dev-login': { allowed: 'public', body: () => ({ openid: 'matrix-dev-login' }) },
  'GET /api/v1/me': { allowed: CITIZENS },
  'PATCH /api/v1/me': { allowed: CITIZENS, body: () => ({ careMode: true }) },
  'POST /api/v1/me/phone': { allowed: CITIZENS, body: () => ({ code: 'phone-13800000000' }) },
  'POST /api/v1/staff/auth/login': { allowed: 'public', body: () => ({ username: 'nobody', password: 'Wrong@321' }) },
  'POST /api/v1/staff/auth/logout': { allowed: STAFF, phase: 'last' },
  'GET /api/v1/staff/me': { allowed: STAFF },
  'POST /api/v1/staff/auth/wechat-login': { allowed: 'public', body: () => ({ code: 'matrix-code' }) },
  'POST /api/v1/staff/auth/wechat-bind': { allowed: STAFF, body: () => ({ code: 'matrix-code' }) },
  'DELETE /api/v1/staff/auth/wechat-bind': { allowed: STAFF },
  'GET /api/v1/services': { allowed: 'public' },
  'GET /api/v1/regions': { allowed: 'public' },
  'GET /api/v1/categories': { allowed: 'public' },
  'GET /api/v1/staff/departments': { allowed: STAFF },
  'POST /api/v1/uploads': { allowed: SIGNED_IN },
  'GET /api/v1/uploads/{id}/content': [
    {
      label: 'photo of the named report',
      // The report is public (公开 on) and nothing checks photos here: it waits in 内容审核, which the sysadmin moderates.
      allowed: ['citizen', ...SEES_NAMED, 'sysadmin'],
      params: id((world) => world.namedReport.photo),
    },
    {
      label: 'photo of the anonymous 违法举报',
      allowed: SEES_ANONYMOUS,
      params: id((world) => world.anonymousReport.photo),
    },
  ],
  'GET /api/v1/uploads/{id}/link': [
    {
      label: 'photo of the named report',
      // The report is public (公开 on) and nothing checks photos here: it waits in 内容审核, which the sysadmin moderates.
      allowed: ['citizen', ...SEES_NAMED, 'sysadmin'],
      params: id((world) => world.namedReport.photo),
    },
    {
      label: 'photo of the anonymous 违法举报',
      allowed: SEES_ANONYMOUS,
      params: id((world) => world.anonymousReport.photo),
    },
  ],
  'POST /api/v1/reports': {
    allowed: CITIZENS,
    body: () => ({ serviceCode: 'direct', villageCode: REGIONS.chengguanVillage, text: '村口水渠堵塞' }),
  },
  'GET /api/v1/reports/mine': { allowed: CITIZENS },
  // 我也遇到: only what the village board may show is listed or followed — the named report's text is
  // held in 内容审核 and the anonymous 违法举报 is never public, so nobody may follow either.
  'GET /api/v1/reports/similar': {
    allowed: CITIZENS,
    query: `villageCode=${REGIONS.chengguanVillage}&text=${encodeURIComponent('村道路灯不亮')}`,
  },
  'GET /api/v1/reports/following': { allowed: CITIZENS },
  'POST /api/v1/reports/{id}/follow': [
    { label: 'a report held in 内容审核', allowed: NOBODY, params: named },
    { label: 'an anonymous 违法举报', allowed: NOBODY, params: anonymous },
  ],
  'DELETE /api/v1/reports/{id}/follow': [
    { label: 'a report held in 内容审核', allowed: NOBODY, params: named },
    { label: 'an anonymous 违法举报', allowed: NOBODY, params: anonymous },
  ],
  'GET /api/v1/reports/{id}': [
    { label: 'own report', allowed: ['citizen'], params: named },
    { label: "another household's anonymous 违法举报", allowed: NOBODY, params: anonymous },
  ],
  'POST /api/v1/reports/{id}/rating': { allowed: ['citizen'], params: named, body: () => ({ score: 5 }) },
  'POST /api/v1/reports/{id}/dispute': {
    allowed: ['citizen'],
    params: named,
    body: () => ({ reason: '问题还没有解决' }),
  },
  'POST /api/v1/reports/{id}/supplements': {
    allowed: ['citizen'],
    params: named,
    body: () => ({ text: '晚上七点后最暗' }),
  },
  'POST /api/v1/staff/reports': {
    allowed: ['cadre', 'gridWorker', 'otherGridWorker'],
    body: () => ({
      serviceCode: 'direct',
      villageCode: REGIONS.chengguanVillage,
      text: '李大爷家门口路灯不亮',
      onBehalfOf: { name: '李大爷' },
    }),
  },
  'GET /api/v1/staff/reports': [
    { label: 'the whole scope', allowed: REPORT_WORKERS, query: 'tab=all' },
    {
      label: 'filtered to 五一村',
      allowed: ['county', 'dispatcher', 'handler', 'otherHandler', 'cadre', 'gridWorker', 'otherGridWorker'],
      query: `tab=all&regionCode=${REGIONS.chengguanVillage}`,
    },
  ],
  'GET /api/v1/staff/reports/counts': { allowed: REPORT_WORKERS },
  'GET /api/v1/staff/reports/triage': { allowed: DISPATCHERS, query: 'view=dispatch' },
  // Answered per report: a report outside the caller's scope is one refused line, not a refused request.
  'POST /api/v1/staff/reports/bulk-assign': {
    allowed: DISPATCHERS,
    body: (world) => ({ reportIds: [world.namedReport.id], departmentId: world.departments.power }),
  },
  'GET /api/v1/staff/reports/{id}': onBothReports(),
  // No extension is pending: whoever may see the report gets 409, the rest 403/404.
  'POST /api/v1/staff/reports/{id}/actions': onBothReports(() => ({ action: 'approve_extension' })),
  'GET /api/v1/staff/reports/{id}/notes': onBothReports(),
  'POST /api/v1/staff/reports/{id}/notes': onBothReports(() => ({ body: '已电话联系村委' })),
  // Nobody learns the phone of an anonymous reporter.
  'POST /api/v1/staff/reports/{id}/reporter-contact': onBothReports(() => ({ reason: '回访核实处理情况' }), NOBODY),
  'GET /api/v1/staff/reports/{id}/reply-templates': onBothReports(),
  // The map of a report's point (the matrix app has the local Tencent LBS fake).
  'GET /api/v1/staff/reports/{id}/map.png': onBothReports(),
  'GET /api/v1/staff/reply-templates': { allowed: DISPATCHERS },
  'POST /api/v1/staff/reply-templates': {
    allowed: TOWNSHIP_DISPATCH,
    body: () => ({ title: '路灯答复', body: '您好，路灯已修复。', regionCode: REGIONS.chengguan }),
  },
  'PATCH /api/v1/staff/reply-templates/{id}': {
    allowed: TOWNSHIP_DISPATCH,
    params: id((world) => world.replyTemplateId),
    body: () => ({ title: '路灯答复（新）' }),
  },
  'DELETE /api/v1/staff/reply-templates/{id}': {
    allowed: TOWNSHIP_DISPATCH,
    params: id((world) => world.replyTemplateId),
    replace: async (world) => void (world.replyTemplateId = await world.fresh.replyTemplate()),
  },
  'GET /api/v1/notices': { allowed: CITIZENS },
  // A citizen's own board (another village's with ?villageCode=, open to any citizen, as are its files).
  'GET /api/v1/notices/{id}': { allowed: ['citizen'], params: id((world) => world.notice.id) },
  'GET /api/v1/articles': { allowed: CITIZENS },
  'GET /api/v1/articles/{id}': { allowed: CITIZENS, params: id((world) => world.article.id) },
  'GET /api/v1/staff/notices': { allowed: PUBLISHERS },
  'POST /api/v1/staff/notices': {
    allowed: NOTICE_PUBLISHERS,
    body: () => ({ title: '停水通知', body: '明日停水', category: 'village', regionCode: REGIONS.chengguanVillage }),
  },
  'GET /api/v1/staff/notices/{id}': { allowed: NOTICE_PUBLISHERS, params: id((world) => world.notice.id) },
  'PATCH /api/v1/staff/notices/{id}': {
    allowed: NOTICE_PUBLISHERS,
    params: id((world) => world.notice.id),
    body: () => ({ title: '五一村公示（更正）' }),
  },
  'POST /api/v1/staff/notices/{id}/publish': { allowed: NOTICE_PUBLISHERS, params: id((world) => world.notice.id) },
  'POST /api/v1/staff/notices/{id}/withdraw': {
    allowed: NOTICE_PUBLISHERS,
    params: id((world) => world.notice.id),
    phase: 'late',
  },
  'GET /api/v1/staff/articles': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/articles': {
    allowed: COUNTY_DESK,
    body: () => ({ title: '惠农政策', summary: '摘要', body: '正文', category: 'policy', regionCode: REGIONS.county }),
  },
  'GET /api/v1/staff/articles/{id}': { allowed: COUNTY_DESK, params: id((world) => world.article.id) },
  'PATCH /api/v1/staff/articles/{id}': {
    allowed: COUNTY_DESK,
    params: id((world) => world.article.id),
    body: () => ({ title: '医保指南（新）' }),
  },
  'POST /api/v1/staff/articles/{id}/publish': { allowed: COUNTY_DESK, params: id((world) => world.article.id) },
  'POST /api/v1/staff/articles/{id}/withdraw': {
    allowed: COUNTY_DESK,
    params: id((world) => world.article.id),
    phase: 'late',
  },
  'GET /api/v1/public/rankings': { allowed: 'public', query: 'month=2026-10' },
  // The matrix's query cannot name a department of its world: every caller gets the same 400.
  'GET /api/v1/public/rankings/trend': { allowed: 'public', query: 'months=3&month=2026-10' },
  'GET /api/v1/public/reports': { allowed: 'public', query: `villageCode=${REGIONS.chengguanVillage}` },
  'GET /api/v1/staff/partners': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/partners': { allowed: COUNTY_DESK, body: () => ({ name: '镇级协同平台' }) },
  'POST /api/v1/staff/partners/{id}/revoke': {
    allowed: COUNTY_DESK,
    params: id((world) => world.partnerId),
    replace: async (world) => void (world.partnerId = await world.fresh.partner()),
  },
  // Open311: public reading; filing is authorised by the partner's api_key in the body, never by a bearer
  // token, so every caller without a key gets the same 401.
  'GET /open311/v2/discovery.json': { allowed: 'public' },
  'GET /open311/v2/services.json': { allowed: 'public' },
  'GET /open311/v2/services/{service_code}.json': { allowed: 'public', params: () => ({ service_code: 'power' }) },
  'GET /open311/v2/requests.json': { allowed: 'public' },
  'GET /open311/v2/requests/{id}.json': { allowed: 'public', params: (world) => ({ id: world.namedReport.serialNo }) },
  'POST /open311/v2/requests.json': {
    allowed: 'public',
    body: () => ({ service_code: 'power', address_id: REGIONS.chengguanVillage, description: '路灯不亮' }),
  },
  'GET /api/v1/staff/stats/overview': { allowed: STATS },
  'GET /api/v1/staff/stats/trends': { allowed: STATS },
  'GET /api/v1/staff/stats/breakdown': { allowed: STATS, query: 'by=village' },
  'GET /api/v1/staff/stats/rankings': { allowed: STATS },
  'GET /api/v1/staff/stats/rankings/export': { allowed: STATS },
  'GET /api/v1/staff/stats/hotspots': { allowed: STATS },
  // 研判简报: the county centre and dispatchers, each the briefs of their own region.
  'GET /api/v1/staff/briefs': { allowed: DISPATCHERS },
  'GET /api/v1/staff/briefs/{week}.xlsx': { allowed: DISPATCHERS, params: (world) => ({ week: world.briefWeek }) },
  'GET /api/v1/staff/reports/export': { allowed: REPORT_WORKERS },
  'GET /api/v1/staff/routing/rules': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/routing/rules': {
    allowed: COUNTY_DESK,
    body: (world) => ({
      categoryCode: 'power',
      regionCode: REGIONS.jianchiVillage,
      departmentId: world.departments.jianchiPower,
    }),
  },
  'DELETE /api/v1/staff/routing/rules/{id}': {
    allowed: COUNTY_DESK,
    params: id((world) => world.routingRuleId),
    replace: async (world) => void (world.routingRuleId = await world.fresh.routingRule()),
  },
  'GET /api/v1/staff/routing/examples': { allowed: COUNTY_DESK },
  'GET /api/v1/staff/routing/model': { allowed: ['sysadmin', 'county', 'dispatcher', 'otherDispatcher'] },
  'GET /api/v1/staff/config/regions': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/config/regions': {
    allowed: COUNTY_DESK,
    body: () => ({ code: `${MORE_REGIONS.otherVillage}001`, name: '东风村第一网格' }),
  },
  'PATCH /api/v1/staff/config/regions/{code}': {
    allowed: COUNTY_DESK,
    params: () => ({ code: MORE_REGIONS.otherGrid }),
    body: () => ({ name: '五一村第二网格' }),
  },
  'GET /api/v1/staff/config/departments': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/config/departments': {
    allowed: COUNTY_DESK,
    body: () => ({ name: '东风村委会', regionCode: MORE_REGIONS.otherVillage, kind: 'village' }),
  },
  'PATCH /api/v1/staff/config/departments/{id}': {
    allowed: COUNTY_DESK,
    params: id((world) => world.departments.power),
    body: () => ({ name: '城关镇供电所' }),
  },
  'GET /api/v1/staff/config/categories': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/config/categories': {
    allowed: COUNTY_DESK,
    body: () => ({ code: 'water', name: '供水', tier: 'general', responseHours: 24, resolveDays: 7 }),
  },
  'PATCH /api/v1/staff/config/categories/{code}': {
    allowed: COUNTY_DESK,
    params: () => ({ code: 'power' }),
    body: () => ({ name: '供电' }),
  },
  'GET /api/v1/staff/config/services': { allowed: COUNTY_DESK },
  'PATCH /api/v1/staff/config/services/{code}': {
    allowed: COUNTY_DESK,
    params: () => ({ code: 'direct' }),
    body: () => ({ description: '民情直通车' }),
  },
  'GET /api/v1/staff/config/holidays': { allowed: COUNTY_DESK },
  'GET /api/v1/staff/config/holidays/{year}': { allowed: COUNTY_DESK, params: () => ({ year: '2026' }) },
  'PUT /api/v1/staff/config/holidays/{year}': {
    allowed: COUNTY_DESK,
    params: () => ({ year: '2030' }),
    body: () => ({ days: [] }),
  },
  'GET /api/v1/messages': { allowed: CITIZENS },
  'POST /api/v1/messages/{id}/read': { allowed: ['citizen'], params: id((world) => world.citizenMessageId) },
  'GET /api/v1/staff/messages': { allowed: STAFF },
  'POST /api/v1/staff/messages/{id}/read': { allowed: ['handler'], params: id((world) => world.handlerMessageId) },
  'GET /api/v1/me/export': { allowed: CITIZENS },
  'POST /api/v1/me/deletion-request': { allowed: CITIZENS, body: () => ({}), phase: 'late' },
  'GET /api/v1/deputies': { allowed: 'public', query: `villageCode=${REGIONS.chengguanVillage}` },
  'GET /api/v1/points': { allowed: CITIZENS },
  'GET /api/v1/points/shop': { allowed: CITIZENS },
  'GET /api/v1/points/redemptions': { allowed: CITIZENS },
  // The shop is 五一村's: a villager of another village may not buy there.
  'POST /api/v1/points/redemptions': { allowed: ['citizen'], body: (world) => ({ itemId: world.shopItemId }) },
  'POST /api/v1/points/redemptions/{id}/cancel': { allowed: ['citizen'], params: id((world) => world.redemption.id) },
  'GET /api/v1/staff/points/rules': { allowed: COUNTY_DESK },
  'PUT /api/v1/staff/points/rules/{reason}': {
    allowed: COUNTY_DESK,
    params: () => ({ reason: 'volunteer' }),
    body: () => ({ points: 5, enabled: true }),
  },
  'GET /api/v1/staff/points/items': { allowed: SHOP_KEEPERS },
  'POST /api/v1/staff/points/items': {
    allowed: VILLAGE_SHOP_KEEPERS,
    body: () => ({ name: '毛巾', pointsPrice: 5, stock: 3, regionCode: REGIONS.chengguanVillage }),
  },
  'PATCH /api/v1/staff/points/items/{id}': {
    allowed: VILLAGE_SHOP_KEEPERS,
    params: id((world) => world.shopItemId),
    body: () => ({ stock: 6 }),
  },
  'GET /api/v1/staff/points/redemptions': { allowed: SHOP_KEEPERS },
  'POST /api/v1/staff/points/redemptions/verify': {
    allowed: VILLAGE_SHOP_KEEPERS,
    body: (world) => ({ code: world.redemption.code }),
  },
  'POST /api/v1/staff/points/redemptions/{id}/cancel': {
    allowed: VILLAGE_SHOP_KEEPERS,
    params: id((world) => world.redemption.id),
  },
  'POST /api/v1/staff/points/volunteer': {
    allowed: VILLAGE_SHOP_KEEPERS,
    body: () => ({ phone: '13811112222', activity: '清理河道垃圾', activityDate: '2026-11-01' }),
  },
  'GET /api/v1/staff/points/ledger': { allowed: SHOP_KEEPERS },
  'GET /api/v1/staff/points/ledger/export': { allowed: SHOP_KEEPERS },
  'GET /api/v1/staff/payouts/settings': { allowed: DISPATCHERS },
  'GET /api/v1/staff/payouts': { allowed: DISPATCHERS },
  'POST /api/v1/staff/payouts': {
    allowed: TOWNSHIP_DISPATCH,
    body: () => ({ kind: 'subsidy', phone: '13811112222', month: '2026-09', amountFen: 100, remark: '网格员补贴' }),
  },
  'POST /api/v1/staff/payouts/{id}/approve': {
    allowed: TOWNSHIP_DISPATCH,
    params: id((world) => world.rewardPayoutId),
  },
  'POST /api/v1/staff/payouts/{id}/reject': {
    allowed: TOWNSHIP_DISPATCH,
    params: id((world) => world.subsidyPayoutId),
    body: () => ({ reason: '本月已发放' }),
  },
  'GET /api/v1/me/rewards': { allowed: CITIZENS },
  'POST /api/v1/me/rewards/{id}/refresh': { allowed: ['citizen'], params: id((world) => world.approvedPayoutId) },
  'POST /api/v1/wechatpay/transfer-notify': { allowed: 'public', body: () => ({}) },
  'GET /api/v1/push/settings': { allowed: CITIZENS },
  'POST /api/v1/push/subscriptions': { allowed: CITIZENS, body: () => ({ answers: {} }) },
  'PUT /api/v1/push/follows': { allowed: CITIZENS, body: () => ({ topics: [] }) },
  'GET /api/v1/uploads/mode': { allowed: 'public' },
  // Direct uploads exist with object storage only, which this world has not: nobody gets through.
  'POST /api/v1/uploads/direct': { allowed: NOBODY, body: () => ({ kind: 'photo' }) },
  'POST /api/v1/uploads/direct/confirm': { allowed: NOBODY, body: () => ({ key: 'incoming/x.jpg' }) },
  'GET /api/v1/staff/accounts': { allowed: COUNTY_DESK },
  'POST /api/v1/staff/accounts': {
    allowed: COUNTY_DESK,
    body: () => ({ username: 'matrix_new', name: '新网格员', role: 'grid_worker', regionCode: REGIONS.chengguanGrid }),
  },
  'PATCH /api/v1/staff/accounts/{id}': {
    allowed: COUNTY_DESK,
    params: id((world) => world.managedAccountId),
    body: () => ({ name: '网格员乙' }),
  },
  'POST /api/v1/staff/accounts/{id}/disable': { allowed: COUNTY_DESK, params: id((world) => world.managedAccountId) },
  'POST /api/v1/staff/accounts/{id}/enable': { allowed: COUNTY_DESK, params: id((world) => world.managedAccountId) },
  'POST /api/v1/staff/accounts/{id}/reset-password': {
    allowed: COUNTY_DESK,
    params: id((world) => world.managedAccountId),
  },
  'POST /api/v1/staff/accounts/{id}/unbind-wechat': {
    allowed: COUNTY_DESK,
    params: id((world) => world.managedAccountId),
  },
  'POST /api/v1/staff/me/password': {
    allowed: STAFF,
    body: () => ({ currentPassword: 'Wrong@321x', newPassword: 'Matrix@2026' }),
  },
  'GET /api/v1/staff/audit-logs': { allowed: ['sysadmin'] },
  'GET /api/v1/staff/notices/{id}/files': { allowed: NOTICE_PUBLISHERS, params: id((world) => world.notice.id) },
  'POST /api/v1/staff/notices/{id}/files': { allowed: NOTICE_PUBLISHERS, params: id((world) => world.notice.id) },
  'DELETE /api/v1/staff/notices/{id}/files/{fileId}': {
    allowed: NOTICE_PUBLISHERS,
    params: (world) => ({ id: world.notice.id, fileId: world.notice.fileId }),
    replace: async (world) => void (world.notice.fileId = await world.fresh.noticeFile()),
  },
  'GET /api/v1/notices/{id}/files': { allowed: CITIZENS, params: id((world) => world.notice.id) },
  'GET /api/v1/staff/articles/{id}/files': { allowed: COUNTY_DESK, params: id((world) => world.article.id) },
  'POST /api/v1/staff/articles/{id}/files': { allowed: COUNTY_DESK, params: id((world) => world.article.id) },
  'DELETE /api/v1/staff/articles/{id}/files/{fileId}': {
    allowed: COUNTY_DESK,
    params: (world) => ({ id: world.article.id, fileId: world.article.fileId }),
    replace: async (world) => void (world.article.fileId = await world.fresh.articleFile()),
  },
  'GET /api/v1/articles/{id}/files': { allowed: CITIZENS, params: id((world) => world.article.id) },
  'GET /api/v1/content-files/{fileId}/content': [
    { label: "file of 五一村's notice", allowed: CITIZENS, params: (world) => ({ fileId: world.notice.fileId }) },
    { label: 'file of a county article', allowed: CITIZENS, params: (world) => ({ fileId: world.article.fileId }) },
  ],
  'GET /api/v1/staff/content-files/{fileId}/content': [
    {
      label: "file of 五一村's notice",
      allowed: NOTICE_PUBLISHERS,
      params: (world) => ({ fileId: world.notice.fileId }),
    },
    { label: 'file of a county article', allowed: COUNTY_DESK, params: (world) => ({ fileId: world.article.fileId }) },
  ],
  'GET /api/v1/wechat/push': { allowed: 'public' },
  'POST /api/v1/wechat/push': { allowed: 'public', body: () => ({}) },
  'GET /api/v1/media/{id}': {
    allowed: 'public',
    params: id((world) => world.namedReport.photo),
    query: 'expires=1&signature=forged',
  },
  'GET /api/v1/staff/moderation': { allowed: MODERATORS, query: 'state=held' },
  'POST /api/v1/staff/moderation/{id}/decision': {
    allowed: ['sysadmin', 'county', 'dispatcher'],
    params: id((world) => world.heldCheckId),
    body: () => ({ decision: 'release' }),
  },
  // The roster: each viewer gets their own scope's households (none of 五一村 for the other village and grid).
  'GET /api/v1/staff/households': { allowed: HOUSEHOLD_VIEWERS },
  'POST /api/v1/staff/households': {
    allowed: ['county', 'dispatcher', 'cadre', 'gridWorker'],
    body: () => ({ gridCode: REGIONS.chengguanGrid, headName: '王大爷', address: '一组 3 号', memberCount: 1 }),
  },
  'GET /api/v1/staff/households/import-template': { allowed: HOUSEHOLD_IMPORTERS },
  'POST /api/v1/staff/households/import': { allowed: HOUSEHOLD_IMPORTERS },
  'GET /api/v1/staff/visits': { allowed: HOUSEHOLD_VIEWERS },
  'POST /api/v1/staff/visits': {
    allowed: ['cadre', 'gridWorker'],
    body: (world) => ({ householdId: world.householdId, note: '身体健康，无困难' }),
  },
  // 走访督导: the village, the township and the county, each over their own region.
  'GET /api/v1/staff/supervision': { allowed: SUPERVISORS },
  'GET /api/v1/staff/supervision/not-visited': { allowed: SUPERVISORS },
  'GET /api/v1/staff/supervision/export': { allowed: SUPERVISORS },
};
