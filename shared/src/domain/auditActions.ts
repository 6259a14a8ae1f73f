import { ACTION_NAMES, STAFF_ACTIONS } from './reportStateMachine';
import type { StaffAction } from './reportStateMachine';

/** `report.<action>`: every staff action on a report is audited under its own key. */
const REPORT_ACTION_NAMES = Object.fromEntries(
  STAFF_ACTIONS.map((action) => [`report.${action}`, `工单${ACTION_NAMES[action]}`]),
) as Record<`report.${StaffAction}`, string>;

/**
 * Every action the server writes to the audit log, in words. The server's audit test fails when
 * it writes an action missing here, so the log viewer never shows a raw key.
 */
export const AUDIT_ACTION_NAMES = {
  login: '登录',
  logout: '退出登录',
  login_failed: '登录失败',
  login_locked: '登录失败，账号锁定',
  login_refused_locked: '锁定期间尝试登录',
  'password.change': '修改密码',
  'password.change_failed': '修改密码：当前密码错误',
  'password.change_locked': '修改密码：错误次数过多，账号锁定',
  'password.change_refused_locked': '锁定期间尝试修改密码',
  'staff_account.create': '新建账号',
  'staff_account.update': '修改账号',
  'staff_account.disable': '停用账号',
  'staff_account.enable': '启用账号',
  'staff_account.reset_password': '重置密码',
  'staff_account.unbind_wechat': '为账号解绑微信',
  'wechat.bind': '绑定微信',
  'wechat.unbind': '解绑微信',
  'wechat.login': '微信登录',
  'reporter_contact.view': '查看群众联系方式',
  'reporter_contact.refused': '查看联系方式被拒绝',
  'reporter_contact.missing': '查看联系方式（无记录）',
  ...REPORT_ACTION_NAMES,
  'report.export': '导出工单',
  'report.note': '添加内部备注',
  'ranking.export': '导出排名',
  'brief.export': '下载研判简报',
  'notice.create': '新建公告',
  'notice.update': '修改公告',
  'notice.publish': '发布公告',
  'notice.withdraw': '撤回公告',
  'notice.file_add': '公告添加附件',
  'notice.file_remove': '公告删除附件',
  'article.create': '新建文章',
  'article.update': '修改文章',
  'article.publish': '发布文章',
  'article.withdraw': '撤回文章',
  'article.file_add': '文章添加附件',
  'article.file_remove': '文章删除附件',
  'moderation.release': '内容审核：放行',
  'moderation.reject': '内容审核：驳回',
  'region.create': '新增地区',
  'region.update': '修改地区',
  'department.create': '新增部门',
  'department.update': '修改部门',
  'category.create': '新增分类',
  'category.update': '修改分类',
  'service.update': '修改服务',
  'holidays.replace': '设置节假日',
  'routing_rule.create': '新增分派规则',
  'routing_rule.delete': '删除分派规则',
  'reply_template.create': '新建答复模板',
  'reply_template.update': '修改答复模板',
  'reply_template.delete': '删除答复模板',
  'points_rule.update': '修改积分规则',
  'points.volunteer': '志愿服务记分',
  'points.export': '导出积分流水',
  'shop_item.create': '新增积分商品',
  'shop_item.update': '修改积分商品',
  'redemption.fulfil': '积分兑换核销',
  'redemption.cancel': '取消积分兑换',
  'payout.propose': '提出奖励补贴',
  'payout.approve': '批准奖励补贴',
  'payout.reject': '驳回奖励补贴',
  'household.create': '新增住户',
  'household.import': '导入住户花名册',
  'supervision.export': '导出走访督导',
  'partner.create': '新增合作方（发放接口密钥）',
  'partner.revoke': '吊销合作方接口密钥',
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_NAMES;

/** An action in words; one the list does not know yet (a newer server) shows its key. */
export function auditActionName(action: string): string {
  return (AUDIT_ACTION_NAMES as Record<string, string>)[action] ?? action;
}

/** What an audit line touched, in words. */
export const AUDIT_TARGET_NAMES: Record<string, string> = {
  staff: '工作人员账号',
  report: '工单',
  citizen: '群众',
  notice: '公告',
  article: '文章',
  region: '地区',
  department: '部门',
  category: '分类',
  service: '服务',
  routing_rule: '分派规则',
  reply_template: '答复模板',
  shop_item: '积分商品',
  redemption: '积分兑换',
  content_check: '内容审核',
  holiday_year: '节假日',
  payout: '奖励补贴',
  points_ledger: '积分流水',
  points_rule: '积分规则',
  household: '住户',
};
