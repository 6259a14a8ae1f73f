import { ACTION_NAMES } from '@minqing/shared';

/** Audit actions in words. Unknown ones (a feature newer than this list) show their code. */
const EXACT: Record<string, string> = {
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
  'reporter_contact.view': '查看群众联系方式',
  'reporter_contact.refused': '查看联系方式被拒绝',
  'reporter_contact.missing': '查看联系方式（无记录）',
  'report.export': '导出工单',
  'report.note': '添加内部备注',
  'holidays.replace': '设置节假日',
};

const SUBJECTS: Record<string, string> = {
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
  points: '积分',
  moderation: '内容审核',
};

const VERBS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  publish: '发布',
  withdraw: '撤回',
  file_add: '添加附件',
  file_remove: '删除附件',
  cancel: '取消',
  fulfil: '兑付',
  volunteer: '志愿服务记分',
};

export function auditActionName(action: string): string {
  if (EXACT[action]) return EXACT[action];
  const [subject, verb] = action.split('.', 2);
  if (subject === 'report' && verb) return `工单：${(ACTION_NAMES as Record<string, string>)[verb] ?? verb}`;
  if (verb && SUBJECTS[subject]) return `${SUBJECTS[subject]}：${VERBS[verb] ?? verb}`;
  return action;
}

export const TARGET_TYPE_NAMES: Record<string, string> = {
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
};
