import type { EntityManager } from 'typeorm';
import type { ArticleCategory, NoticeCategory } from '@minqing/shared';
import { Article, Notice } from '../entities';
import { newId } from '../ids';
import { chunked } from './insertMissing';
import { DEMO_REGIONS } from './regions';

/**
 * Sample 政务村务 notices and 消息推送 articles so the demo's pages are not empty. Each is
 * written by the account whose scope it belongs to: village notices by the village cadre,
 * township notices by the township dispatcher, county ones by the county centre.
 * Dates are relative to the seeding day and titles carry no year, so the demo never looks stale.
 */
interface NoticeSeed {
  title: string;
  category: NoticeCategory;
  regionCode: string;
  author: string;
  daysAgo: number;
  pinned?: boolean;
  expiresInDays?: number;
  body: string;
}

interface ArticleSeed {
  title: string;
  category: ArticleCategory;
  summary: string;
  daysAgo: number;
  body: string;
}

const NOTICES: readonly NoticeSeed[] = [
  {
    title: '“321 民情在线”小程序正式上线',
    category: 'government',
    regionCode: DEMO_REGIONS.county,
    author: 'county',
    daysAgo: 10,
    pinned: true,
    body: [
      '全县广大群众：',
      '为进一步畅通群众诉求表达渠道，“321 民情在线”由微信公众号升级为微信小程序。打开小程序进入“民情直达”，即可办理涉疫报备、风险申报、民情直通、违法举报、代表工作五类事项，可以打字、拍照，也可以按住按钮直接说话。',
      '平台收到后，按事项类别转交镇村和县级责任部门办理，办理进度和结果可在“我的”中随时查看。事情办完后，请您对办理情况打分评价，您的评价是考核各部门的重要依据。',
      '违法举报可以匿名提交，平台对举报人信息严格保密。老年朋友可在“我的”中开启关怀模式，字更大、操作更简单。',
      '汉阴县“321”基层治理指挥中心',
    ].join('\n'),
  },
  {
    title: '城关镇关于做好冬季森林防火工作的通告',
    category: 'government',
    regionCode: DEMO_REGIONS.chengguan,
    author: 'chengguan',
    daysAgo: 6,
    expiresInDays: 120,
    body: [
      '各村（社区）、广大群众：',
      '当前已进入森林防火期，天干物燥，火险等级高。为保护森林资源和群众生命财产安全，现将有关事项通告如下：',
      '一、防火期内严禁野外用火，严禁烧荒、烧田坎、焚烧秸秆，严禁在林区上坟烧纸、燃放烟花爆竹。',
      '二、进入林区的人员不得携带火种，严禁在林区吸烟。',
      '三、发现火情请立即拨打 119，也可通过“321 民情在线”民情直通反映，网格员将第一时间赶到现场。',
      '四、违规野外用火的，依法予以处罚；引发森林火灾构成犯罪的，依法追究刑事责任。',
      '城关镇人民政府',
    ].join('\n'),
  },
  {
    title: '城关镇便民服务中心冬季办公时间调整的通知',
    category: 'government',
    regionCode: DEMO_REGIONS.chengguan,
    author: 'chengguan',
    daysAgo: 3,
    body: [
      '自本通知发布之日起，城关镇便民服务中心冬季办公时间调整为：上午 8:30—12:00，下午 14:00—17:30。',
      '社保、医保、民政、农业补贴等业务照常办理，周六上午安排专人值班，办理急事难事。',
      '行动不便的老年人、残疾人可联系所在村（社区）代办员上门代办。',
    ].join('\n'),
  },
  {
    title: '五一村党支部关于开展主题党日活动的通知',
    category: 'party',
    regionCode: DEMO_REGIONS.chengguanVillage,
    author: 'cadre',
    daysAgo: 8,
    body: [
      '全体党员：',
      '定于本月 15 日上午 9 时在村党群服务中心召开党员大会并开展主题党日活动，内容如下：',
      '一、学习上级有关文件精神；',
      '二、通报近期“321”联户包抓情况，党员中心户汇报所联系农户的诉求及解决情况；',
      '三、讨论村里冬季道路维修和饮水管网改造事项。',
      '请全体党员准时参加，因故不能参加的请提前向支部书记请假，外出流动党员可通过线上方式参加。',
      '中共汉阴县城关镇五一村支部委员会',
    ].join('\n'),
  },
  {
    title: '五一村关于集中缴纳城乡居民医疗保险的通知',
    category: 'village',
    regionCode: DEMO_REGIONS.chengguanVillage,
    author: 'cadre',
    daysAgo: 5,
    body: [
      '各位村民：',
      '新一年度城乡居民基本医疗保险集中缴费已经开始，个人缴费标准以县医保部门公布的为准。城乡居民以家庭为单位在户籍所在地参保，在校大中专学生随学校参保。',
      '缴费方式：一是通过微信或手机银行中的税务缴费渠道自助缴纳；二是到村委会由代办员协助缴纳。',
      '特困人员、低保对象、防返贫监测对象等困难群众按政策享受参保资助，请带上身份证到村委会核对信息。',
      '请在集中缴费期内缴纳，以免影响来年看病报销。有疑问请到村委会咨询，或通过“321 民情在线”留言。',
      '五一村村民委员会',
    ].join('\n'),
  },
  {
    title: '五一村村级财务收支情况公开',
    category: 'finance',
    regionCode: DEMO_REGIONS.chengguanVillage,
    author: 'cadre',
    daysAgo: 2,
    body: [
      '根据村务公开有关规定，现将本村上季度财务收支情况公开如下：',
      '一、收入合计 186,400 元：上级转移支付 120,000 元，村集体茶园及光伏收益 58,600 元，其他收入 7,800 元。',
      '二、支出合计 142,350 元：村干部基本报酬 63,000 元，办公及水电费 9,850 元，通组道路维修 41,200 元，饮水管网维修 16,300 元，公益岗位补贴 12,000 元。',
      '三、结余 44,050 元，存于镇农村集体“三资”代理服务中心账户。',
      '以上收支已经村务监督委员会审核。公开期 7 天，如有疑问，请向村务监督委员会反映，也可通过“321 民情在线”留言。',
      '五一村村民委员会　五一村村务监督委员会',
    ].join('\n'),
  },
];

// Guide and policy texts adapt answers government offices gave to citizens' questions
// (data/tipdm2020/replies.jsonl), rewritten for this county.
const ARTICLES: readonly ArticleSeed[] = [
  {
    title: '城乡居民养老保险怎么缴？一文看懂',
    category: 'guide',
    summary: '缴费档次、政府补贴、办理地点和所需材料。',
    daysAgo: 9,
    body: [
      '谁可以参保：年满 16 周岁（不含在校学生）、不属于职工基本养老保险覆盖范围的城乡居民，可在户籍地参加城乡居民基本养老保险。',
      '缴多少：每年可在 100 元至 3000 元的档次中自主选择。养老金待遇遵循“多缴多得、长缴多得”：缴费档次越高，政府缴费补贴越多，个人缴费和补贴全部记入本人个人账户，按年计息。',
      '有什么保障：个人账户养老金终身发放，基础养老金由财政全额补贴。参保人身故的，个人账户余额可依法继承。',
      '在哪办：到所在村（社区）代办员处或镇人社所办理，带上身份证和户口簿；已参保的可通过税务缴费渠道在手机上续缴。',
      '有疑问：可向镇人社所咨询，或在“321 民情在线”民情直通中留言，县人社局将在规定时限内答复。',
    ].join('\n'),
  },
  {
    title: '申请最低生活保障（低保）办事指南',
    category: 'guide',
    summary: '哪些家庭可以申请、要带什么材料、多久有结果。',
    daysAgo: 7,
    body: [
      '申请条件：共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定的，可以申请低保。我县坚持“应保尽保”，符合条件的都依法纳入。',
      '所需材料：户口簿、家庭成员身份证、收入情况说明；因病、因残的提供诊断证明或残疾证。',
      '办理流程：本人或委托村（社区）代办员向镇民政办提出申请 → 入户调查和家庭经济状况核对 → 村级民主评议 → 公示 7 天 → 县民政局审批。',
      '办理时限：材料齐全的，一般在 30 个工作日内办结。',
      '在哪问：工作日到镇便民服务中心民政窗口咨询；在外务工的，也可通过“321 民情在线”民情直通留言，镇民政办会电话联系您。',
    ].join('\n'),
  },
  {
    title: '城乡居民医保参保缴费政策问答',
    category: 'policy',
    summary: '在哪里参保、学生怎么参保、困难群众如何资助。',
    daysAgo: 4,
    body: [
      '问：在哪里参保？答：按照属地管理原则，城乡居民以家庭为单位在户籍所在地参保。',
      '问：在外地上学的孩子怎么参保？答：在校大中专学生以学校为单位，在学校所在地整体参保；中小学生和学龄前儿童随家庭在户籍地参保。',
      '问：困难群众缴费有没有资助？答：特困人员、低保对象、防返贫监测对象等按政策享受分类资助，由镇村核实名单后统一办理，本人无需另行申请。',
      '问：新药能不能报销？答：纳入省基本医疗保险药品目录的药品，参保人在协议医疗机构按规定使用的，都可以按比例报销。',
      '其他问题可向镇卫生院医保窗口或县医保部门咨询。',
    ].join('\n'),
  },
  {
    title: '电杆歪了一上午，供电所两小时修好',
    category: 'news',
    summary: '城关镇五一村村民通过“321 民情在线”语音反映，供电所当天处理完毕。',
    daysAgo: 1,
    body: [
      '“屋后那根电线杆子歪了，靠在树上，风一吹就晃。”近日上午，城关镇五一村一位老人按住小程序里的按钮说了一句话，这条语音反映随即转到城关镇供电所。',
      '供电所值班人员十分钟内签收，带着抢修队赶到现场，扶正电杆、加固拉线，前后不到两个小时就处理完毕，并在平台上回复了处理结果和现场照片。老人给这次办理打了五星。',
      '“321 民情在线”上线以来，停电、电杆倾斜、电压低等供电问题都设置了专门时限：紧急的 2 小时内响应，一般的 24 小时内响应。各部门的响应率、按时办结率和满意率按月公开排名。',
    ].join('\n'),
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

function authorIdOf(authors: ReadonlyMap<string, string>, username: string): string {
  const id = authors.get(username);
  if (!id) throw new Error(`demo account ${username} is missing; seed staff before content`);
  return id;
}

/** Inserts the sample notices only into an empty table, so a re-seed never duplicates them. */
export async function seedNotices(
  manager: EntityManager,
  authors: ReadonlyMap<string, string>,
  now: Date,
): Promise<number> {
  const repository = manager.getRepository(Notice);
  if ((await repository.count()) > 0) return 0;
  const rows: Omit<Notice, 'createdAt' | 'updatedAt'>[] = NOTICES.map((notice) => ({
    id: newId(),
    title: notice.title,
    body: notice.body,
    category: notice.category,
    regionCode: notice.regionCode,
    pinned: notice.pinned ?? false,
    status: 'published',
    publishedAt: new Date(now.getTime() - notice.daysAgo * DAY_MS),
    expiresAt: notice.expiresInDays === undefined ? null : new Date(now.getTime() + notice.expiresInDays * DAY_MS),
    readCount: 0,
    imageUploadIds: [],
    authorId: authorIdOf(authors, notice.author),
  }));
  for (const chunk of chunked(rows)) await repository.insert(chunk);
  return rows.length;
}

/** Articles are county-wide and written by the county centre; only into an empty table. */
export async function seedArticles(
  manager: EntityManager,
  authors: ReadonlyMap<string, string>,
  now: Date,
): Promise<number> {
  const repository = manager.getRepository(Article);
  if ((await repository.count()) > 0) return 0;
  const rows: Omit<Article, 'createdAt' | 'updatedAt'>[] = ARTICLES.map((article) => ({
    id: newId(),
    title: article.title,
    summary: article.summary,
    body: article.body,
    category: article.category,
    regionCode: DEMO_REGIONS.county,
    status: 'published',
    publishedAt: new Date(now.getTime() - article.daysAgo * DAY_MS),
    readCount: 0,
    authorId: authorIdOf(authors, 'county'),
  }));
  for (const chunk of chunked(rows)) await repository.insert(chunk);
  return rows.length;
}
