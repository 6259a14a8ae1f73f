import { auditLogRoutes } from './auditLog';
import { contentFileRoutes } from './contentFiles';
import { catalogRoutes } from './catalog';
import { citizenAuthRoutes } from './citizenAuth';
import { articleRoutes, noticeRoutes } from './content';
import { followingRoutes } from './following';
import { householdRoutes } from './households';
import { moderationRoutes } from './moderation';
import { open311Routes } from './open311';
import { meRoutes } from './me';
import { messageRoutes } from './messages';
import { openDataRoutes } from './openData';
import { partnerRoutes } from './partners';
import { myRewardRoutes, pointsRoutes } from './points';
import { pushRoutes } from './push';
import { replyTemplateRoutes } from './replyTemplates';
import { citizenReportRoutes } from './reports';
import type { RouteContract } from './route';
import { routingModelRoutes } from './routingModel';
import { routingRuleRoutes } from './routingRules';
import { staffConfigRoutes } from './staffConfig';
import { staffAccountRoutes } from './staffAccounts';
import { staffAuthRoutes } from './staffAuth';
import { staffReportRoutes } from './staffReports';
import { staffBriefRoutes } from './staffBriefs';
import { staffPayoutRoutes } from './staffPayouts';
import { staffPointsRoutes } from './staffPoints';
import { staffArticleRoutes, staffNoticeRoutes } from './staffContent';
import { staffStatsRoutes } from './staffStats';
import { supervisionRoutes } from './supervision';
import { wechatPayRoutes } from './wechatPay';
import { systemRoutes } from './system';
import { uploadRoutes } from './uploads';
import { wechatRoutes } from './wechat';

export * from './route';
export { API_TAGS, type ApiTag } from './tags';
export { articleRoutes, catalogRoutes, citizenAuthRoutes, meRoutes, noticeRoutes };
export {
  citizenReportRoutes,
  followingRoutes,
  messageRoutes,
  myRewardRoutes,
  openDataRoutes,
  pointsRoutes,
  pushRoutes,
};
export { systemRoutes, uploadRoutes, wechatRoutes };
export { HOUSEHOLDS_TAG, XLSX_MEDIA_TYPE } from './households';
export { STAFF_CONFIG_TAG, staffConfigRoutes } from './staffConfig';
export { staffAccountRoutes, staffAuthRoutes };
export { moderationRoutes, routingRuleRoutes };
export { staffReportRoutes };
export { staffArticleRoutes, staffNoticeRoutes } from './staffContent';
export { contentFileRoutes } from './contentFiles';
export { staffPointsRoutes } from './staffPoints';
export { STAFF_PAYOUTS_TAG, staffPayoutRoutes } from './staffPayouts';
export { staffBriefRoutes } from './staffBriefs';
export { staffStatsRoutes };
export { OPEN311_TAG, open311Routes } from './open311';
export { PARTNERS_TAG } from './partners';
export { WECHATPAY_TAG, wechatPayRoutes } from './wechatPay';
export { auditLogRoutes, householdRoutes, partnerRoutes, replyTemplateRoutes, routingModelRoutes, supervisionRoutes };

/** Every route declared as a contract; the server registers them and the OpenAPI document lists them. */
// Built by a call marked pure, so a bundle that never reads the list (the admin panel) leaves out
// the contracts it does not use.
export const API_CONTRACTS: readonly RouteContract[] = /* @__PURE__ */ (() => [
  ...Object.values(replyTemplateRoutes),
  ...Object.values(householdRoutes),
  ...Object.values(auditLogRoutes),
  ...Object.values(partnerRoutes),
  ...Object.values(routingModelRoutes),
  ...Object.values(supervisionRoutes),
  ...Object.values(staffConfigRoutes),
  ...Object.values(staffAuthRoutes),
  ...Object.values(staffAccountRoutes),
  ...Object.values(routingRuleRoutes),
  ...Object.values(moderationRoutes),
  ...Object.values(staffReportRoutes),
  ...Object.values(staffNoticeRoutes),
  ...Object.values(staffArticleRoutes),
  ...Object.values(contentFileRoutes.notice),
  ...Object.values(contentFileRoutes.article),
  contentFileRoutes.download,
  contentFileRoutes.staffDownload,
  ...Object.values(staffPointsRoutes),
  ...Object.values(staffPayoutRoutes),
  ...Object.values(staffBriefRoutes),
  ...Object.values(staffStatsRoutes),
  ...Object.values(wechatPayRoutes),
  ...Object.values(open311Routes),
  ...Object.values(catalogRoutes),
  ...Object.values(citizenAuthRoutes),
  ...Object.values(meRoutes),
  ...Object.values(citizenReportRoutes),
  ...Object.values(noticeRoutes),
  ...Object.values(articleRoutes),
  ...Object.values(messageRoutes),
  ...Object.values(followingRoutes),
  ...Object.values(pushRoutes),
  ...Object.values(pointsRoutes),
  ...Object.values(myRewardRoutes),
  ...Object.values(openDataRoutes),
  ...Object.values(uploadRoutes),
  ...Object.values(wechatRoutes),
  ...Object.values(systemRoutes),
])();
