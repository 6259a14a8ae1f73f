import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { figureDrill } from '@minqing/shared';
import type { DrillQuery, FigureKey, StaffOverview } from '@minqing/shared';
import { formatHours, formatRate } from './format';
import type { Period } from './period';

interface Figure {
  key: FigureKey | null;
  title: string;
  value: string | number;
  hint: string;
  danger?: boolean;
}

/** The cards, in reading order: now, then the period (figures as the public ranking's). */
export function figuresOf(overview: StaffOverview): { now: Figure[]; period: Figure[] } {
  const { figures } = overview;
  return {
    now: [
      { key: 'todaySubmitted', title: '今日新增', value: overview.today.submitted, hint: '今天群众提交的反映' },
      { key: 'todayReceived', title: '今日派单', value: overview.today.received, hint: '今天派到承办部门的反映' },
      {
        key: 'backlog',
        title: '待办积压',
        value: overview.backlog,
        hint: '尚未办结的反映（待受理、待签收、处理中、重办）',
      },
      {
        key: 'overdueNow',
        title: '当前超期',
        value: overview.overdueNow,
        hint: '尚未办结且已过办结时限',
        danger: overview.overdueNow > 0,
      },
    ],
    period: [
      {
        key: 'received',
        title: '受理',
        value: figures.received,
        hint: '本期派到承办部门的反映（不含不予受理、已合并）',
      },
      {
        key: 'responseRate',
        title: '响应率',
        value: formatRate(figures.responseRate),
        hint: `按时签收 ${figures.responded} 件 / 受理 ${figures.received} 件`,
      },
      { key: 'resolved', title: '办结', value: figures.resolved, hint: '其中已办结或已评价的' },
      {
        key: 'resolvedRate',
        title: '办结率',
        value: formatRate(figures.resolvedRate),
        hint: `办结 ${figures.resolved} 件 / 受理 ${figures.received} 件`,
      },
      {
        key: 'onTimeRate',
        title: '按时办结率',
        value: formatRate(figures.onTimeRate),
        hint: `按时办结 ${figures.resolvedOnTime} 件 / 办结 ${figures.resolved} 件`,
      },
      {
        key: 'satisfactionRate',
        title: '满意率',
        value: formatRate(figures.satisfactionRate),
        hint: `满意（4–5 星）${figures.satisfied} 件 / 评价 ${figures.rated} 件`,
      },
      {
        key: 'overdue',
        title: '超期',
        value: figures.overdue,
        hint: '未办结已过时限，或超过时限才办结',
        danger: figures.overdue > 0,
      },
      { key: null, title: '平均办结时长', value: formatHours(figures.meanHoursToResolve), hint: '从派单到办结' },
      { key: 'returns', title: '退单', value: figures.returns, hint: '本期承办部门退回的次数' },
      { key: 'repeatComplaints', title: '重复投诉', value: figures.repeatComplaints, hint: '群众不满意或要求重办过的' },
    ],
  };
}

interface FigureCardsProps {
  overview: StaffOverview;
  period: Period;
  /** Null when the member has no work queue to open (sysadmins). */
  onDrill: ((query: DrillQuery) => void) | null;
}

function FigureCard({
  figure,
  drill,
  onDrill,
}: {
  figure: Figure;
  drill: DrillQuery | null;
  onDrill: FigureCardsProps['onDrill'];
}) {
  const clickable = Boolean(drill && onDrill);
  return (
    <Tooltip title={clickable ? `${figure.hint}。点击查看这些反映` : figure.hint}>
      <Card
        size="small"
        hoverable={clickable}
        role={clickable ? 'button' : undefined}
        aria-label={clickable ? `查看${figure.title}的反映` : undefined}
        tabIndex={clickable ? 0 : undefined}
        onClick={clickable ? () => onDrill?.(drill as DrillQuery) : undefined}
        onKeyDown={clickable ? (event) => event.key === 'Enter' && onDrill?.(drill as DrillQuery) : undefined}
      >
        <Statistic
          title={figure.title}
          value={figure.value}
          valueStyle={figure.danger ? { color: '#cf1322' } : undefined}
        />
      </Card>
    </Tooltip>
  );
}

/** Today's intake, the backlog and the period's figures; each card opens the reports behind it. */
export function FigureCards({ overview, period, onDrill }: FigureCardsProps) {
  const { now, period: periodFigures } = figuresOf(overview);
  const drillOf = (figure: Figure) => (figure.key ? figureDrill(figure.key, period, overview.today.date) : null);
  const row = (figures: Figure[], span: number) => (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => (
        <Col key={figure.title} xs={12} md={span}>
          <FigureCard figure={figure} drill={drillOf(figure)} onDrill={onDrill} />
        </Col>
      ))}
    </Row>
  );
  return (
    <>
      {row(now, 6)}
      <div style={{ height: 12 }} />
      {row(periodFigures, 4)}
    </>
  );
}
