import { Alert, Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { type BreakdownItem, type StaffOverview, type StaffRanking, type TrendDay, levelOfCode } from '@minqing/shared';
import { useEffect, useMemo, useState } from 'react';
import { navigate } from '../nav';
import type { PageProps } from '../pages';
import { SupervisionCard } from '../households/SupervisionCard';
import { ExportButton } from '../export/ExportButton';
import { EChart } from './EChart';
import {
  categoryClicked,
  categoryOption,
  regionClicked,
  regionOption,
  trendClicked,
  trendOption,
} from './chartOptions';
import { type DrillQuery, categoryDrill, departmentDrill, regionDrill, trendDrill } from './drillDown';
import { BriefList } from './BriefList';
import { FigureCards } from './FigureCards';
import { HotspotsCard } from './HotspotsCard';
import { type PeriodChoice, chinaToday, periodOf, periodProblem } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RankingTable } from './RankingTable';
import { rankingExportPath, statsApi } from './statsApi';

interface DashboardData {
  overview: StaffOverview;
  days: TrendDay[];
  categories: BreakdownItem[];
  regions: BreakdownItem[];
  ranking: StaffRanking;
}

/** A county-wide member sees townships; anyone narrower sees the villages of their township. */
const regionDimension = (regionCode: string) => (levelOfCode(regionCode) === 'county' ? 'township' : 'village');

/**
 * 统计: today's intake, the backlog and the period's figures, the daily trend, the split by
 * category and by township (village), and the department ranking — all in the member's scope,
 * every figure, point, slice, bar and row opening the work queue on the reports behind it.
 */
export function Dashboard({ staff }: PageProps) {
  const today = chinaToday();
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'month', month: today.slice(0, 7) });
  const period = useMemo(() => periodOf(choice, today), [choice, today]);
  const problem = periodProblem(period);
  const [data, setData] = useState<DashboardData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const by = regionDimension(staff.regionCode);
  // Sysadmins see the figures but no citizen's report: there is no queue for them to open.
  const onDrill = staff.abilities.includes('queue') ? (query: DrillQuery) => navigate('queue', query) : null;
  // 走访督导 for those who watch the field (the 住户 screen is theirs too); handlers and sysadmins do not see households.
  const supervises = staff.abilities.includes('supervise');
  // 研判简报: the county centre's and dispatchers' (server/src/policies/briefs.ts).
  const readsBriefs = staff.abilities.includes('briefs');

  useEffect(() => {
    if (problem) return undefined;
    let current = true;
    setLoading(true);
    setError(null);
    Promise.all([
      statsApi.overview(period),
      statsApi.trends(period),
      statsApi.breakdown(period, 'category'),
      statsApi.breakdown(period, by),
      statsApi.ranking(period),
    ])
      .then(([overview, trends, categories, regions, ranking]) => {
        if (current)
          setData({ overview, days: trends.days, categories: categories.items, regions: regions.items, ranking });
      })
      .catch((failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure.message : '统计加载失败');
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    // A newer period's answer must not be overwritten by an older one arriving late.
    return () => {
      current = false;
    };
  }, [period, by, problem]);

  const options = useMemo(
    () =>
      data && {
        trend: trendOption(data.days),
        categories: categoryOption(data.categories),
        regions: regionOption(data.regions),
      },
    [data],
  );
  const scope = data ? (data.overview.scope.departmentName ?? data.overview.scope.regionName) : '';
  const drill = (query: DrillQuery | null) => query && onDrill?.(query);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <PeriodPicker value={choice} today={today} onChange={setChoice} />
        <Typography.Text type="secondary">
          {scope && `${scope} · `}
          {period.from} 至 {period.to}
          {onDrill && ' · 点击任一数字、图形或排名查看对应反映'}
        </Typography.Text>
      </Space>
      {problem && <Alert type="warning" showIcon message={problem} />}
      {error && <Alert type="error" showIcon message={error} />}
      {!data && loading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {data && options && (
        <Spin spinning={loading}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <FigureCards overview={data.overview} period={period} onDrill={onDrill} />
            <Card size="small" title="每日趋势">
              <EChart
                label="每日受理、办结、超期趋势"
                option={options.trend}
                onClick={
                  onDrill
                    ? (click) => {
                        const point = trendClicked(click, data.days);
                        drill(point && trendDrill(point.series, point.date));
                      }
                    : undefined
                }
              />
            </Card>
            <Row gutter={16}>
              <Col xs={24} lg={10}>
                <Card size="small" title="按分类">
                  {data.categories.some((item) => item.received > 0) ? (
                    <EChart
                      label="各分类受理件数"
                      option={options.categories}
                      onClick={
                        onDrill
                          ? (click) => {
                              const slice = categoryClicked(click, data.categories);
                              drill(slice ? categoryDrill(slice.key, period) : null);
                            }
                          : undefined
                      }
                    />
                  ) : (
                    <Empty description="本期没有受理的反映" />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card size="small" title={by === 'township' ? '按镇' : '按村（社区）'}>
                  {data.regions.length > 0 ? (
                    <EChart
                      label={by === 'township' ? '各镇受理、办结、超期件数' : '各村受理、办结、超期件数'}
                      option={options.regions}
                      onClick={
                        onDrill
                          ? (click) => {
                              const bar = regionClicked(click, data.regions);
                              drill(bar ? regionDrill(bar.regionCode, bar.series, period) : null);
                            }
                          : undefined
                      }
                    />
                  ) : (
                    <Empty description="本期没有受理的反映" />
                  )}
                </Card>
              </Col>
            </Row>
            <HotspotsCard period={period} onDrill={onDrill} />
            {readsBriefs && <BriefList />}
            <Card
              size="small"
              title="部门排名"
              extra={
                <ExportButton
                  path={rankingExportPath(period)}
                  fallbackName={`部门排名-${period.from}_${period.to}.xlsx`}
                  disabled={data.ranking.departments.length + data.ranking.insufficient.departments.length === 0}
                />
              }
            >
              <RankingTable
                ranking={data.ranking}
                loading={loading}
                highlightId={staff.departmentId}
                onOpen={onDrill ? (department) => onDrill(departmentDrill(department.departmentId, period)) : null}
              />
            </Card>
            {supervises && <SupervisionCard month={period.from.slice(0, 7)} />}
          </Space>
        </Spin>
      )}
    </Space>
  );
}
