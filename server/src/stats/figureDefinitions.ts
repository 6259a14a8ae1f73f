import {
  type FigureDefinition,
  NOT_VISITED_DAYS,
  RANKING_FIGURES,
  type RankingFigure,
  type SupervisionFigure,
} from '@minqing/shared';
import {
  BRIEF_LIST_LIMIT,
  BRIEF_MIN_RATED,
  BRIEF_SATISFACTION_WEEKS,
  FOLLOWED_LIST_LIMIT,
  FOLLOWED_MIN,
  HOTSPOT_MIN_COUNT,
  REPEAT_MATTER_DAYS,
} from './figures';
import { SCORE_WEIGHTS } from './rankingOrder';

/** The names the public reads; the score's formula is written from SCORE_WEIGHTS so words and order cannot drift apart. */
const LABELS: Record<RankingFigure, string> = {
  score: '综合得分',
  received: '受理件数',
  responseRate: '响应率',
  resolvedRate: '办结率',
  onTimeRate: '按时办结率',
  satisfactionRate: '满意率',
  visitSatisfactionRate: '回访满意率',
  meanHoursToResolve: '平均办结时长',
  overdue: '超期件数',
  returns: '退单件数',
  repeatComplaints: '重复投诉',
};

const percent = (weight: number) => `${Math.round(weight * 100)}%`;

/**
 * How each published figure is computed, in plain Chinese for the ranking page and the API
 * (the definitions themselves are the SQL of figures.ts and the order of rankingOrder.ts).
 */
export function figureDefinitions(minReceived: number): FigureDefinition[] {
  const formula = SCORE_WEIGHTS.map(([figure, weight]) => `${LABELS[figure]}×${percent(weight)}`).join(' + ');
  const howComputed: Record<RankingFigure, string> = {
    score:
      `${formula}，折算为 0–100 分。没有数据的比率（如还没有人评价）不计入，由其余比率按权重分担；` +
      `受理不足 ${minReceived} 件的不参与排名，单列为“样本不足”。同分时受理件数多的在前。`,
    received:
      '统计期内（北京时间）派到该部门的反映件数，按派单时间计；转派的只计入接手的部门，不予受理和已合并的不计。' +
      '镇、县按反映所在地统计，不论由哪个部门办理。各项数字是这些反映到生成时为止的情况。',
    responseRate: '在响应时限内签收的件数 ÷ 受理件数。',
    resolvedRate: '已办结（含已评价）的件数 ÷ 受理件数。',
    onTimeRate: '在办结时限内办结的件数 ÷ 已办结件数；批准延期的按延期后的时限。',
    satisfactionRate:
      '群众本人评价为 4 星或 5 星的件数 ÷ 群众本人评价的件数，不含回访评价。比率没有分母时显示“—”，不算 0，也不算 100%。',
    visitSatisfactionRate:
      '网格员、村干部代群众反映的事项办结后，回访时代为记录的评价（回访评价）中 4 星或 5 星的件数 ÷ 回访评价件数。单独统计，不计入满意率和综合得分。',
    meanHoursToResolve: '已办结的反映从派单到办结平均用了多少小时。',
    overdue: '受理的反映中，已过办结时限仍未办结的，加上超过时限才办结的。',
    returns: '统计期内该部门退回的反映件数，按退单时间计。',
    repeatComplaints: '受理的反映中，群众不满意（评 1–2 星或提出异议）而重新办理过的件数。',
  };
  return RANKING_FIGURES.map((figure) => ({ figure, label: LABELS[figure], howComputed: howComputed[figure] }));
}

/** The field's figures (走访督导) in words, as figures.ts computes them. */
export function supervisionDefinitions(): { figure: SupervisionFigure; label: string; howComputed: string }[] {
  return [
    {
      figure: 'households',
      label: '联系户数',
      howComputed: '月末（本月为此刻）花名册上的住户数；按三线成员统计时为分给他联系的住户。',
    },
    {
      figure: 'visits',
      label: '走访次数',
      howComputed: '当月（北京时间）记录的走访次数；按三线成员统计时为本人记录的走访。',
    },
    {
      figure: 'notVisited',
      label: '未走访户数',
      howComputed: `月末（本月为此刻）之前 ${NOT_VISITED_DAYS} 天内没有任何人走访过的住户数，点击可查看名单。`,
    },
    {
      figure: 'filedOnBehalf',
      label: '代报件数',
      howComputed: '当月由本网格网格员（按三线成员统计时为本人）代群众反映的件数，按提交时间计。',
    },
    { figure: 'settledOnSpot', label: '就地办结', howComputed: '当月由本网格网格员就地办结（小事不出村）的反映件数。' },
  ];
}

/** 热点研判 and the sections of the 研判简报 in words, as figures.ts computes them. */
export function hotspotDefinitions() {
  return {
    rising:
      `按村（社区）和问题分类统计本期受理件数（按派单时间，规则同“受理件数”），本期不少于 ${HOTSPOT_MIN_COUNT} 件，` +
      '且多于上期（环比：本期之前同样天数）和去年同期（同比：去年的同一日期）的，列为上升热点，上升最多的在前。',
    followed: `本期提交的反映中，至少 ${FOLLOWED_MIN} 位群众点了“我也遇到”的，按关注人数从多到少，最多列 ${FOLLOWED_LIST_LIMIT} 件；不予受理和已合并的不计。`,
    repeats: `同一村（社区）、同一分类的事项办结后 ${REPEAT_MATTER_DAYS} 天内又有人反映的，按本期提交的反映计件；不予受理和已合并的不计。`,
    comparison: '本周各项数字与上周（环比）和去年同期（同比）对照，口径同统计页；比率没有分母时为空。',
    overdue: `生成简报时仍未办结、已过办结时限的反映，按承办部门统计，最多列 ${BRIEF_LIST_LIMIT} 个部门。`,
    lowestSatisfaction:
      `截至本周的近 ${BRIEF_SATISFACTION_WEEKS} 周受理的反映中，群众本人评价的满意率（4–5 星 ÷ 评价件数）最低的部门，` +
      `至少 ${BRIEF_MIN_RATED} 件评价才列入，最多列 ${BRIEF_LIST_LIMIT} 个。`,
  };
}
