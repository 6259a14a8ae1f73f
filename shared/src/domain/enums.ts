/** Enumerations both the server and the clients rely on. Codes are stable; names are UI text. */

export const ROLES = [
  'citizen',
  'grid_worker',
  'liaison',
  'cadre',
  'dispatcher',
  'handler',
  'county',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['grid_worker', 'liaison', 'cadre', 'dispatcher', 'handler', 'county', 'sysadmin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLE_NAMES: Record<Role, string> = {
  citizen: '群众',
  grid_worker: '网格员',
  /** 三线成员: a party member, people's deputy or household head who looks after some households of a grid. */
  liaison: '三线成员',
  cadre: '村(社区)干部',
  dispatcher: '镇民情管理员',
  handler: '部门经办人',
  county: '县指挥中心',
  sysadmin: '系统管理员',
};

/** Who decides on content WeChat held (内容审核): those who triage reports in their region, and the sysadmin. */
export const MODERATOR_ROLES = ['dispatcher', 'county', 'sysadmin'] as const satisfies readonly StaffRole[];

export const SERVICE_CODES = ['epidemic', 'risk', 'direct', 'illegal', 'deputy'] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];
export const SERVICE_NAMES: Record<ServiceCode, string> = {
  epidemic: '涉疫报备',
  risk: '风险申报',
  direct: '民情直通',
  illegal: '违法举报',
  deputy: '代表工作',
};
/** Only an illegal-activity report may hide its reporter from staff. */
export const ANONYMOUS_SERVICES: readonly ServiceCode[] = ['illegal'];

export const REPORT_STATUSES = [
  'submitted',
  'dispatched',
  'accepted',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'merged',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Names shown to citizens (UX.md); staff screens use STAFF_STATUS_NAMES. */
export const CITIZEN_STATUS_NAMES: Record<ReportStatus, string> = {
  submitted: '已收到',
  dispatched: '已分派',
  accepted: '处理中',
  resolved: '已办结，请评价',
  closed: '已评价',
  reopened: '重新办理',
  rejected: '未受理',
  merged: '已合并处理',
};
export const STAFF_STATUS_NAMES: Record<ReportStatus, string> = {
  submitted: '待受理',
  dispatched: '已派单',
  accepted: '处理中',
  resolved: '已办结',
  closed: '已评价',
  reopened: '重办',
  rejected: '不予受理',
  merged: '已合并',
};

/**
 * Where a voice report's transcript came from: `wechat` — the villager kept what WeChat's 同声传译 wrote on the
 * phone; `asr` — the server transcribed the clip (Tencent Cloud ASR 一句话识别) after submission.
 */
export const TRANSCRIPT_SOURCES = ['wechat', 'asr'] as const;
export type TranscriptSource = (typeof TRANSCRIPT_SOURCES)[number];
export const TRANSCRIPT_SOURCE_NAMES: Record<TranscriptSource, string> = { wechat: '微信同声传译', asr: '语音转写' };

export const TIERS = ['general', 'difficult', 'major'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_NAMES: Record<Tier, string> = { general: '一般', difficult: '疑难', major: '重大' };

export const REGION_LEVELS = ['county', 'township', 'village', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const DEPARTMENT_LEVELS = ['county', 'township', 'village'] as const;
export type DepartmentLevel = (typeof DEPARTMENT_LEVELS)[number];

/**
 * What a department acts on. A category names the kind it routes to (Category.departmentKind →
 * the department of that kind in the report's township, else in the county), so a kind is
 * chosen from this list, never typed.
 */
export const DEPARTMENT_KINDS = [
  'power',
  'water',
  'roads',
  'agriculture',
  'environment',
  'housing',
  'land',
  'civil',
  'police',
  'disputes',
  'labor',
  'health',
  'education',
  'market',
  'enforcement',
  'risk',
  'deputy',
  'report_in',
  'village',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_NAMES: Record<DepartmentKind, string> = {
  power: '供电',
  water: '水利供水',
  roads: '交通道路',
  agriculture: '农业农村',
  environment: '生态环境',
  housing: '住房建设',
  land: '自然资源',
  civil: '民政',
  police: '公安',
  disputes: '司法调解',
  labor: '人力社保',
  health: '卫生健康',
  education: '教育体育',
  market: '市场监管',
  enforcement: '综合执法',
  risk: '乡村振兴（防返贫）',
  deputy: '人大代表联络',
  report_in: '便民服务（报备）',
  village: '村(社区)委员会',
};

export const NOTICE_CATEGORIES = ['party', 'village', 'finance', 'government'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export const NOTICE_CATEGORY_NAMES: Record<NoticeCategory, string> = {
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  government: '政务公告',
};

export const ARTICLE_CATEGORIES = ['policy', 'guide', 'news'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];
export const ARTICLE_CATEGORY_NAMES: Record<ArticleCategory, string> = {
  policy: '政策信息',
  guide: '办事指南',
  news: '工作动态',
};

/** WeChat subscribe messages (订阅消息): one template per topic (schemas/push). */
export const SUBSCRIBE_TOPICS = ['report_signed', 'report_resolved', 'notice', 'article'] as const;
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number];

/** `wx.requestSubscribeMessage` answers per template id; `filter` = WeChat hid the template. */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeAnswer = (typeof SUBSCRIBE_ANSWERS)[number];

/** What a citizen may follow: new notices for my village, or new articles in one category. */
export const FOLLOW_TOPICS = [
  'village_notices',
  ...ARTICLE_CATEGORIES.map((category) => `article_${category}` as const),
] as const;
export type FollowTopic = (typeof FOLLOW_TOPICS)[number];

/** 积分超市: a redemption's states (schemas/points). */
export const REDEMPTION_STATUSES = ['reserved', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_STATUS_NAMES: Record<RedemptionStatus, string> = {
  reserved: '待领取',
  fulfilled: '已领取',
  cancelled: '已取消',
};

/** 附件 of a notice or article: the document types taken, by content type (schemas/contentFiles). */
export const CONTENT_FILE_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
} as const;
export type ContentFileType = keyof typeof CONTENT_FILE_TYPES;

export const PUBLICATION_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const ATTACHMENT_KINDS = ['photo', 'voice'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** What a household of the roster needs looked after for (住户标签). */
export const HOUSEHOLD_TAGS = [
  'elderly_alone',
  'left_behind_child',
  'low_income',
  'disabled',
  'poverty_watch',
  'veteran',
  'major_illness',
] as const;
export type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number];
export const HOUSEHOLD_TAG_NAMES: Record<HouseholdTag, string> = {
  elderly_alone: '独居老人',
  left_behind_child: '留守儿童',
  low_income: '低保',
  disabled: '残疾',
  poverty_watch: '防返贫监测',
  veteran: '退役军人',
  major_illness: '大病',
};
