import { HOUSEHOLDS_TAG } from './households';
import { OPEN311_TAG } from './open311';
import { PARTNERS_TAG } from './partners';
import { STAFF_CONFIG_TAG } from './staffConfig';
import { STAFF_PAYOUTS_TAG } from './staffPayouts';
import { WECHATPAY_TAG } from './wechatPay';

export interface ApiTag {
  name: string;
  /** 中文 / English: the docs page heads the tag's routes with it. */
  description: string;
}

/** The groups the routes are listed in (each contract's first tag), in the order a reader meets them. */
export const API_TAGS: readonly ApiTag[] = [
  { name: 'system', description: '系统 / Health and this document' },
  { name: 'auth', description: '群众登录 / Citizen sign-in' },
  { name: 'me', description: '我的资料 / The citizen profile' },
  { name: 'staff-auth', description: '工作人员登录 / Staff sign-in' },
  { name: 'staff-accounts', description: '账号管理、修改密码与审计日志 / Staff accounts, own password, the audit log' },
  { name: 'catalog', description: '基础数据 / Services, regions, categories, departments' },
  { name: 'uploads', description: '附件 / Photos and voice clips' },
  { name: 'reports', description: '民情直达（群众）/ Reports, citizen side' },
  { name: 'staff-reports', description: '民情办理（工作人员）/ Reports, staff side' },
  { name: 'notices', description: '政务村务 / Notices' },
  { name: 'articles', description: '消息推送 / Articles' },
  { name: 'staff-notices', description: '公告管理 / Notices, staff side' },
  { name: 'staff-articles', description: '文章管理 / Articles, staff side' },
  { name: 'stats', description: '统计与排行 / Performance figures and the public ranking' },
  { name: 'reply-templates', description: '答复模板 / Reply templates per category and region' },
  { name: 'routing', description: "智能分派 / Routing rules and dispatchers' corrections" },
  STAFF_CONFIG_TAG,
  { name: 'messages', description: '消息中心（群众）/ In-app messages, citizen side' },
  { name: 'staff-messages', description: '消息中心（工作人员）/ In-app messages, staff side' },
  { name: 'wechat', description: '内容安全 / WeChat message push, signed media links, moderation' },
  { name: 'push', description: '消息订阅 / WeChat subscribe messages and follows' },
  { name: 'points', description: '治理积分与积分超市（群众）/ Points and the village shop, citizen side' },
  { name: 'staff-points', description: '积分管理 / Points rules, shop, redemptions, volunteering and the ledger' },
  STAFF_PAYOUTS_TAG,
  WECHATPAY_TAG,
  HOUSEHOLDS_TAG,
  PARTNERS_TAG,
  OPEN311_TAG,
];
