import Router from '@koa/router';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import type { AppDeps, AppState } from './context';
import { AppError, badRequest } from './errors';
import { errorHandler } from './middleware/errors';
import { requestLimit } from './middleware/rateLimit';
import { requestContext } from './middleware/requestContext';
import { apiDocsRouter } from './http/apiDocs/apiDocs';
import { articlesRouter } from './http/articles/articles';
import { authRouter } from './http/auth/auth';
import { catalogRouter } from './http/catalog/catalog';
import { VITE_IMMUTABLE_DIRS, h5Static } from './http/h5/h5';
import { healthRouter } from './http/health/health';
import { householdsRouter } from './http/households/households';
import { supervisionRouter } from './http/supervision/supervision';
import { meRouter } from './http/me/me';
import { messagesRouter } from './http/messages/messages';
import { routingRulesRouter } from './http/routingRules/routingRules';
import { routingModelRouter } from './http/routingModel/routingModel';
import { noticesRouter } from './http/notices/notices';
import { pointsRouter } from './http/points/points';
import { myRewardsRouter } from './http/payouts/myRewards';
import { staffPayoutsRouter } from './http/payouts/staffPayouts';
import { wechatpayNotifyRouter } from './http/wechatpayNotify/wechatpayNotify';
import { publicRankingsRouter } from './http/publicRankings/publicRankings';
import { publicReportsRouter } from './http/publicReports/publicReports';
import { open311Router } from './http/open311/open311';
import { partnersRouter } from './http/partners/partners';
import { pushRouter } from './http/push/push';
import { reportFollowingRouter } from './http/reportFollowing/reportFollowing';
import { reportsRouter } from './http/reports/reports';
import { replyTemplatesRouter } from './http/replyTemplates/replyTemplates';
import { reportNotesRouter } from './http/reportNotes/reportNotes';
import { reporterContactRouter } from './http/reporterContact/reporterContact';
import { reportMapRouter } from './http/reportMap/reportMap';
import { staffAuthRouter } from './http/staffAuth/staffAuth';
import { ownPasswordRouter } from './http/staffAccounts/ownPassword';
import { staffAccountsRouter } from './http/staffAccounts/staffAccounts';
import { auditLogRouter } from './http/auditLog/auditLog';
import { staffConfigRouter } from './http/staffConfig/staffConfig';
import { staffContentRouter } from './http/staffContent/staffContent';
import { contentFilesRouter } from './http/contentFiles/contentFiles';
import { staffPointsRouter } from './http/staffPoints/staffPoints';
import { ledgerExportRouter } from './http/staffPoints/ledgerExport';
import { staffRankingsRouter } from './http/staffRankings/staffRankings';
import { staffReportsRouter } from './http/staffReports/staffReports';
import { staffStatsRouter } from './http/staffStats/staffStats';
import { staffBriefsRouter } from './http/staffBriefs/staffBriefs';
import { directUploadsRouter } from './http/uploads/directUploads';
import { uploadsRouter } from './http/uploads/uploads';
import { moderationRouter } from './http/moderation/moderation';
import { signedMediaRouter } from './http/signedMedia/signedMedia';
import { wechatPushRouter } from './http/wechatPush/wechatPush';

/** Builds the Koa app without listening: the server and the tests share it. */
export function createApp(deps: AppDeps): Koa<AppState, { deps: AppDeps }> {
  const app = new Koa<AppState, { deps: AppDeps }>();
  // Behind TRUST_PROXY reverse proxies, ctx.ip is the last address they vouch for in X-Forwarded-For
  // (entries further left are whatever the client wrote); with 0 it is the socket's address.
  app.proxy = deps.config.trustProxyHops > 0;
  app.maxIpsCount = deps.config.trustProxyHops;
  app.use(requestContext(deps));
  app.use(errorHandler());
  // The citizen mini-program's H5 build, for trying it in a browser (only when it has been built).
  if (deps.config.h5Dir) app.use(h5Static('/h5', deps.config.h5Dir));
  // The staff admin panel (server/admin), when it has been built.
  if (deps.config.adminDir) app.use(h5Static('/admin', deps.config.adminDir, VITE_IMMUTABLE_DIRS));
  // Static files above are not counted; every API call and the health check are.
  app.use(requestLimit());
  app.use(
    koaBody({
      jsonLimit: '256kb',
      multipart: false,
      // WeChat Pay signs the exact bytes it sends (routes/wechatpayNotify).
      includeUnparsed: true,
      // A body that cannot be parsed is the client's mistake: 400 (413 when too large), never 500.
      onError: (error) => {
        const status = (error as { status?: number }).status;
        if (status === 413) throw new AppError(413, 'payload_too_large', '内容太大了');
        throw badRequest('请求内容不是有效的 JSON');
      },
    }),
  );

  const api = new Router<AppState, { deps: AppDeps }>({ prefix: '/api/v1' });
  for (const router of [
    authRouter(),
    meRouter(),
    catalogRouter(),
    uploadsRouter(),
    directUploadsRouter(),
    // Before reports: its /reports/:id would answer /reports/similar and /reports/following.
    reportFollowingRouter(),
    reportsRouter(),
    noticesRouter(),
    articlesRouter(),
    staffAuthRouter(),
    ownPasswordRouter(),
    staffAccountsRouter(),
    auditLogRouter(),
    staffReportsRouter(),
    staffContentRouter(),
    contentFilesRouter(),
    staffStatsRouter(),
    staffBriefsRouter(),
    staffRankingsRouter(),
    publicRankingsRouter(),
    publicReportsRouter(),
    partnersRouter(),
    messagesRouter(),
    pushRouter(),
    routingModelRouter(),
    routingRulesRouter(),
    staffConfigRouter(),
    pointsRouter(),
    staffPointsRouter(),
    ledgerExportRouter(),
    staffPayoutsRouter(),
    myRewardsRouter(),
    wechatpayNotifyRouter(),
    reportNotesRouter(),
    reporterContactRouter(),
    reportMapRouter(),
    replyTemplatesRouter(),
    wechatPushRouter(),
    signedMediaRouter(),
    moderationRouter(),
    householdsRouter(),
    supervisionRouter(),
    apiDocsRouter(),
  ]) {
    // Their routes only: api.allowedMethods() below answers 405 and OPTIONS from every route the
    // path matched, as each router's own would (43 of them, on the path of every request).
    api.use(router.routes());
  }
  const health = healthRouter();
  app.use(health.routes());
  // Open311 GeoReport v2 for partner systems: the village board's reports, and filing with an api_key.
  const open311 = open311Router();
  app.use(open311.routes());
  app.use(open311.allowedMethods());
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
