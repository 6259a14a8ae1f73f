import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type {
  DepartmentRanking,
  FigureDefinition,
  RankingTrend,
  RankingsResponse,
  RegionRanking,
  UnrankedDepartment,
  UnrankedRegion,
} from '@minqing/shared';
import EmptyState, { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { withPageHeader } from '../../../components/PageHeader';
import { toApiError } from '../../../services/apiError';
import { useCareMode } from '../../../stores/careMode';
import { getRankingTrend, getRankings } from '../api';

import '../open.scss';

/** How many months the switcher offers: this one and the five before. */
export const MONTHS_OFFERED = 6;

/** The figures shown for each entry, with the definitions the server gives explained below the list. */
const EXPLAINED = ['resolvedRate', 'onTimeRate', 'satisfactionRate', 'meanHoursToResolve', 'score'] as const;

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Hours under two days read as hours; longer as days. */
export function duration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 48) return `${Math.round(hours)} 小时`;
  return `${Math.round((hours / 24) * 10) / 10} 天`;
}

/** 2026-11 and its five predecessors, newest first. */
export function monthsBefore(month: string, count = MONTHS_OFFERED): string[] {
  const [year, number] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const date = new Date(Date.UTC(year, number - 1 - back, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export const monthLabel = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

type Entry = DepartmentRanking | RegionRanking | UnrankedDepartment | UnrankedRegion;

function Figures({ entry }: { entry: Entry }) {
  return (
    <View className="open-rank__figures">
      <Text className="open-rank__figure">办结率 {percent(entry.resolvedRate)}</Text>
      <Text className="open-rank__figure">按时办结率 {percent(entry.onTimeRate)}</Text>
      <Text className="open-rank__figure">满意率 {percent(entry.satisfactionRate)}</Text>
      <Text className="open-rank__figure">平均办结 {duration(entry.meanHoursToResolve)}</Text>
    </View>
  );
}

function TrendPanel({ departmentId, month }: { departmentId: string; month: string }) {
  const [trend, setTrend] = useState<RankingTrend | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    getRankingTrend(departmentId, month)
      .then(setTrend)
      .catch((caught) => setError(toApiError(caught).message));
  };
  useEffect(load, [departmentId, month]);
  if (error) return <ErrorBlock message={error} onRetry={load} />;
  if (!trend) return <LoadingBlock text="正在加载近几个月的情况…" />;
  return (
    <View className="open-trend" data-testid="trend">
      <Text className="open-trend__title">近 {trend.months.length} 个月</Text>
      {trend.months.map((entry) => (
        <View key={entry.month} className="open-trend__row" data-testid="trend-month">
          <Text className="open-trend__month">{monthLabel(entry.month)}</Text>
          <Text className="open-trend__cell">受理 {entry.received} 件</Text>
          <Text className="open-trend__cell">办结率 {percent(entry.resolvedRate)}</Text>
          <Text className="open-trend__cell">满意率 {percent(entry.satisfactionRate)}</Text>
          <Text className="open-trend__cell">
            {entry.rank ? `第 ${entry.rank} 名` : entry.received > 0 ? '样本不足' : '无受理'}
          </Text>
          <View className="open-trend__bar" aria-hidden="true">
            <View className="open-trend__fill" style={{ width: `${Math.round((entry.resolvedRate ?? 0) * 100)}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}

function Row({
  entry,
  rank,
  open,
  onToggle,
  children,
}: {
  entry: Entry;
  rank: number | null;
  open?: boolean;
  onToggle?: () => void;
  children?: ReactNode;
}) {
  return (
    <View className="open-rank__row" data-testid="ranking-row">
      <View
        className="open-rank__head"
        role={onToggle ? 'button' : undefined}
        aria-expanded={onToggle ? Boolean(open) : undefined}
        onClick={onToggle}
      >
        <Text className={`open-rank__place${rank !== null && rank <= 3 ? ' open-rank__place--top' : ''}`}>
          {rank ?? '—'}
        </Text>
        <Text className="open-rank__name">{entry.name}</Text>
        <Text className="open-rank__received">受理 {entry.received} 件</Text>
        {onToggle ? <Text className="open-rank__more">{open ? '收起' : '看趋势'}</Text> : null}
      </View>
      <Figures entry={entry} />
      {children}
    </View>
  );
}

function Definitions({ definitions, minReceived }: { definitions: FigureDefinition[]; minReceived: number }) {
  const shown = definitions.filter((definition) => (EXPLAINED as readonly string[]).includes(definition.figure));
  return (
    <View className="open-rank__definitions" role="region" aria-label="各项指标怎么算">
      <Text className="open-rank__section-title">各项指标怎么算</Text>
      <Text className="open-rank__definition">
        受理不足 {minReceived} 件的部门和乡镇不参与排名，单独列出，以免一两件事左右结果。
      </Text>
      {shown.map((definition) => (
        <Text key={definition.figure} className="open-rank__definition">
          {definition.label}：{definition.howComputed}
        </Text>
      ))}
    </View>
  );
}

/**
 * 排行榜: this month's departments and townships with 办结率, 按时办结率, 满意率 and the average time to
 * resolve, ranked as the server ranks them; those with too few reports listed apart (样本不足); a month
 * switcher; tapping a department shows its last months.
 */
function RankingPage() {
  const care = useCareMode();
  const [month, setMonth] = useState<string | null>(null);
  const [currentMonth, setCurrentMonth] = useState<string | null>(null);
  const [view, setView] = useState<'departments' | 'townships'>('departments');
  const [ranking, setRanking] = useState<RankingsResponse | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [openDepartment, setOpenDepartment] = useState<string | null>(null);
  const asked = useRef(0);

  const load = async (wanted: string | null) => {
    const call = ++asked.current;
    setLoading(true);
    setError(null);
    try {
      const answer = await getRankings(wanted ?? undefined);
      if (call !== asked.current) return;
      setRanking(answer);
      // The server's clock says which month is current: the switcher counts back from it.
      setCurrentMonth((known) => known ?? answer.month);
    } catch (caught) {
      if (call === asked.current) setError(toApiError(caught).message);
    } finally {
      if (call === asked.current) setLoading(false);
    }
  };

  useEffect(() => {
    setOpenDepartment(null);
    void load(month);
  }, [month]);

  const latest = useRef(load);
  latest.current = load;
  usePullDownRefresh(() => {
    void latest.current(month).finally(() => Taro.stopPullDownRefresh());
  });

  const shownMonth = ranking?.month ?? month;
  let list: ReactNode = null;
  if (ranking) {
    const ranked = view === 'departments' ? ranking.departments : ranking.townships;
    const unranked = view === 'departments' ? ranking.insufficient.departments : ranking.insufficient.townships;
    const idOf = (entry: Entry) => ('departmentId' in entry ? entry.departmentId : entry.regionCode);
    const toggle = (entry: Entry) =>
      'departmentId' in entry
        ? () => setOpenDepartment((open) => (open === entry.departmentId ? null : entry.departmentId))
        : undefined;
    const rowOf = (entry: Entry, rank: number | null) => (
      <Row key={idOf(entry)} entry={entry} rank={rank} open={openDepartment === idOf(entry)} onToggle={toggle(entry)}>
        {openDepartment === idOf(entry) && shownMonth ? (
          <TrendPanel departmentId={openDepartment} month={shownMonth} />
        ) : null}
      </Row>
    );
    list =
      ranked.length === 0 && unranked.length === 0 ? (
        <EmptyState icon="📊" title="这个月还没有受理的反映" hint="可以看看上个月的排行" />
      ) : (
        <View>
          <View className="open-rank__list" role="list" aria-label="排名">
            {ranked.map((entry) => rowOf(entry, 'rank' in entry ? entry.rank : null))}
          </View>
          {unranked.length > 0 ? (
            <View className="open-rank__list" role="list" aria-label="样本不足">
              <Text className="open-rank__section-title">样本不足（受理不足 {ranking.minReceived} 件，暂不排名）</Text>
              {unranked.map((entry) => rowOf(entry, null))}
            </View>
          ) : null}
        </View>
      );
  }

  return (
    <View className={`page open-rank ${care.className}`}>
      <Text className="open-rank__intro">各部门、各镇办理群众反映的情况，每月公开。点部门名称可看近几个月的变化。</Text>
      {currentMonth ? (
        <View className="open-rank__months" role="tablist" aria-label="月份">
          {monthsBefore(currentMonth).map((candidate) => (
            <View
              key={candidate}
              role="tab"
              aria-selected={candidate === shownMonth}
              className={`open-rank__month${candidate === shownMonth ? ' open-rank__month--on' : ''}`}
              onClick={() => setMonth(candidate)}
            >
              {monthLabel(candidate)}
            </View>
          ))}
        </View>
      ) : null}
      <View className="open-rank__views" role="tablist" aria-label="排行对象">
        {(
          [
            ['departments', '部门'],
            ['townships', '乡镇'],
          ] as const
        ).map(([key, label]) => (
          <View
            key={key}
            role="tab"
            aria-selected={view === key}
            className={`open-rank__view${view === key ? ' open-rank__view--on' : ''}`}
            onClick={() => setView(key)}
          >
            {label}
          </View>
        ))}
      </View>
      {loading && !ranking ? <LoadingBlock /> : null}
      {error ? <ErrorBlock message={error} onRetry={() => void load(month)} /> : null}
      {!error ? list : null}
      {ranking ? <Definitions definitions={ranking.definitions} minReceived={ranking.minReceived} /> : null}
    </View>
  );
}

export default withPageHeader(RankingPage, '排行榜');
