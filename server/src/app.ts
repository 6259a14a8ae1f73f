import Router from '@koa/router';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import type { AppDeps, AppState } from './context';
import { AppError, badRequest } from './errors';
import { errorHandler } from './middleware/errors';
import { requestLimit } from './middleware/rateLimit';
import { requestContext } from './middleware/requestContext';
import { apiDocsRouter } from './routes/apiDocs/apiDocs';
import { articlesRouter } from './routes/articles/articles';
import { authRouter } from './routes/auth/auth';
import { catalogRouter } from './routes/catalog/catalog';
import { VITE_IMMUTABLE_DIRS, h5Static } from './routes/h5/h5';
import { healthRouter } from './routes/health/health';
import { householdsRouter } from './routes/households/households';
import { supervisionRouter } from './routes/supervision/supervision';
import { meRouter } from './routes/me/me';
import { messagesRouter } from './routes/messages/messages';
import { routingRulesRouter } from './routes/routingRules/routingRules';
import { routingModelRouter } from './routes/routingModel/routingModel';
import { noticesRouter } from './routes/notices/notices';
import { pointsRouter } from './routes/points/points';
import { myRewardsRouter } from './routes/payouts/myRewards';
import { staffPayoutsRouter } from './routes/payouts/staffPayouts';
import { wechatpayNotifyRouter } from './routes/wechatpayNotify/wechatpayNotify';
import { publicRankingsRouter } from './routes/publicRankings/publicRankings';
import { publicReportsRouter } from './routes/publicReports/publicReports';
import { open311Router } from './routes/open311/open311';
import { partnersRouter } from './routes/partners/partners';
import { pushRouter } from './routes/push/push';
import { reportFollowingRouter } from './routes/reportFollowing/reportFollowing';
import { reportsRouter } from './routes/reports/reports';
import { replyTemplatesRouter } from './routes/replyTemplates/replyTemplates';
import { reportNotesRouter } from './routes/reportNotes/reportNotes';
import { reporterContactRouter } from './routes/reporterContact/reporterContact';
import { reportMapRouter } from './routes/reportMap/reportMap';
import { staffAuthRouter } from './routes/staffAuth/staffAuth';
import { ownPasswordRouter } from './routes/staffAccounts/ownPassword';
import { staffAccountsRouter } from './routes/staffAccounts/staffAccounts';
import { auditLogRouter } from './routes/auditLog/auditLog';
import { staffConfigRouter } from './routes/staffConfig/staffConfig';
import { staffContentRouter } from './routes/staffContent/staffContent';
import { contentFilesRouter } from './routes/contentFiles/contentFiles';
import { staffPointsRouter } from './routes/staffPoints/staffPoints';
import { ledgerExportRouter } from './routes/staffPoints/ledgerExport';
import { staffExportRouter } from './routes/staffExport/staffExport';
import { staffRankingsRouter } from './routes/staffRankings/staffRankings';
import { staffReportsRouter } from './routes/staffReports/staffReports';
import { staffStatsRouter } from './routes/staffStats/staffStats';
import { staffBriefsRouter } from './routes/staffBriefs/staffBriefs';
import { directUploadsRouter } from './routes/uploads/directUploads';
import { uploadsRouter } from './routes/uploads/uploads';
import { moderationRouter } from './routes/moderation/moderation';
import { signedMediaRouter } from './routes/signedMedia/signedMedia';
import { wechatPushRouter } from './routes/wechatPush/wechatPush';

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
    // Before staffReports: its /staff/reports/:id would answer /staff/reports/export.
    staffExportRouter(),
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
    api.use(router.routes(), router.allowedMethods());
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
