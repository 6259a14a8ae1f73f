/**
 * Weak labels for the TipDM messages that have a government reply (replies.jsonl, 2,795
 * messages without a category): the reply names the department that answered, and that
 * department's field is, most of the time, the message's category. Only the reply is read —
 * never a labelled message — so cross-validation on train.jsonl stays honest.
 *
 * Bus, metro and taxi-free city transport belong to 城乡建设 in the TipDM taxonomy
 * (城市建设和市政管理/公共汽车, 地铁城铁), so 公交 and 地铁 are not read as 交通运输.
 */
const DEPARTMENT_KEYWORDS: ReadonlyArray<readonly [categoryCode: string, keywords: readonly string[]]> = [
  [
    'urban_rural',
    [
      '住建局',
      '住房和城乡建设',
      '城乡建设局',
      '住建委',
      '住房保障',
      '房产局',
      '房屋交易',
      '规划局',
      '规划分局',
      '城管',
      '市政局',
      '物业',
      '房屋征收',
      '征收办',
      '住房公积金',
      '城乡规划',
      '城市管理',
      '自来水',
      '供水',
      '燃气',
      '供电',
      '电力公司',
      '拆迁',
      '棚改',
      '人防',
      '不动产',
      '公交',
      '地铁',
      '轨道',
    ],
  ],
  ['education', ['教育局', '教育厅', '教体局', '教育行政', '教育部门', '体育局', '文广', '文体', '学校', '幼儿园']],
  [
    'labor',
    [
      '人社局',
      '人力资源和社会保障',
      '人力资源社会保障',
      '社会保险',
      '劳动监察',
      '劳动保障',
      '人才与人力资源',
      '医保',
      '就业',
      '养老保险',
      '社保',
    ],
  ],
  [
    'health',
    [
      '卫健委',
      '卫生健康',
      '卫计委',
      '卫生和计划生育',
      '卫生计生',
      '疾控',
      '计划生育',
      '人口和计划生育',
      '食品药品',
      '食药监',
      '卫生局',
      '医院',
    ],
  ],
  ['transport', ['交通运输局', '交通局', '交通运输管理', '运管', '出租车', '道路运输', '客运', '邮政', '快递', '公路']],
  [
    'commerce',
    [
      '商务局',
      '市场监管',
      '市场监督',
      '市场和质量监督',
      '工商',
      '质监',
      '旅游',
      '文旅',
      '物价',
      '经济和科技商务',
      '商务和',
    ],
  ],
  ['environment', ['生态环境', '环保局', '环境保护局', '环境监测', '环保部门', '环境保护', '环保']],
  ['legal', ['公安', '派出所', '交警', '司法局', '法院', '检察院', '消防']],
  ['rural_agriculture', ['农业局', '农业农村', '畜牧', '林业', '水利局', '农机', '扶贫', '水务局', '农委']],
  ['civil_affairs', ['民政局', '民政部门', '民政厅', '民政办']],
  ['land_resources', ['国土', '自然资源']],
  ['economy', ['财政局', '财政厅', '发改', '税务', '金融办', '安监', '国资']],
  ['discipline', ['纪委', '监察委']],
  ['technology', ['电信', '移动公司', '联通', '通信管理']],
];

/** The category of the department the reply names first, or null when it names none. */
export function categoryOfReply(reply: string): string | null {
  let best: { position: number; categoryCode: string } | null = null;
  for (const [categoryCode, keywords] of DEPARTMENT_KEYWORDS) {
    for (const keyword of keywords) {
      const position = reply.indexOf(keyword);
      if (position >= 0 && (best === null || position < best.position)) best = { position, categoryCode };
    }
  }
  return best?.categoryCode ?? null;
}
