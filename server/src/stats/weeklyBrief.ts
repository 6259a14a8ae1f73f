import type { DataSource, EntityManager } from 'typeorm';
import type { DaySpan, RepeatMatter, RisingHotspot } from '@minqing/shared';
import { Report, WeeklyBriefRow } from '../db/entities';
import { newId } from '../db/ids';
import { ReferenceData, type ReferenceSnapshot } from '../db/referenceData';
import { type RawRow, collectCounts, numberOf, rollUp, totalOf } from './aggregate';
import { addDays, comparisonSpans, daysPeriod, shanghaiDate } from './calendar';
import {
  BRIEF_LIST_LIMIT,
  BRIEF_MIN_RATED,
  BRIEF_SATISFACTION_WEEKS,
  IS_OPEN,
  IS_OVERDUE,
  type RawCounts,
  toFigures,
} from './figures';
import { repeatMatters, risingHotspots } from './hotspots';
import { type StatsScope, whereReportScope } from './scope';

type Lookups = Pick<ReferenceSnapshot, 'categories' | 'regions' | 'departments'>;

/** 同比环比: the week's headline figures beside the week before and the same days a year earlier. */
export const BRIEF_COMPARED = [
  { figure: 'received', label: '受理件数' },
  { figure: 'resolved', label: '办结件数' },
  { figure: 'resolvedRate', label: '办结率' },
  { figure: 'onTimeRate', label: '按时办结率' },
  { figure: 'satisfactionRate', label: '满意率' },
  { figure: 'overdue', label: '超期件数' },
  { figure: 'repeatComplaints', label: '重复投诉' },
] as const;
type ComparedFigure = (typeof BRIEF_COMPARED)[number]['figure'];

export interface BriefComparison {
  figure: ComparedFigure;
  label: string;
  current: number | null;
  previous: number | null;
  lastYear: number | null;
}

export interface BriefOverdue {
  departmentId: string;
  departmentName: string;
  /** Open past the resolve deadline when the brief was made. */
  overdue: number;
}

export interface BriefSatisfaction {
  departmentId: string;
  departmentName: string;
  rated: number;
  satisfied: number;
  satisfactionRate: number;
}

/** What a 研判简报 holds, as stored (weekly_briefs.content) and rendered to .xlsx. */
export interface WeeklyBriefContent {
  week: string;
  from: string;
  to: string;
  regionCode: string;
  regionName: string;
  /** When it was made (ISO). */
  generatedAt: string;
  previous: DaySpan;
  lastYear: DaySpan;
  /** 本周热点. */
  hotspots: RisingHotspot[];
  /** 同比环比. */
  comparison: BriefComparison[];
  /** 超期. */
  overdue: BriefOverdue[];
  /** 重复投诉: repeat matters of the week. */
  repeats: RepeatMatter[];
  /** 满意度最低的部门, over satisfactionSpan. */
  satisfactionSpan: DaySpan;
  lowestSatisfaction: BriefSatisfaction[];
}

/** The Monday (China calendar) of the week a day falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The last whole week before `now`: the one whose brief is due. */
export function dueWeek(now: Date): string {
  return addDays(mondayOf(shanghaiDate(now)), -7);
}

const departmentNameOf = (lookups: Lookups, id: string) => lookups.departments.get(id)?.name ?? '已撤销的部门';

async function overdueByDepartment(
  manager: EntityManager,
  lookups: Lookups,
  scope: StatsScope,
  now: Date,
): Promise<BriefOverdue[]> {
  const query = manager
    .createQueryBuilder(Report, 'r')
    .select('r.departmentId', 'departmentId')
    .addSelect('COUNT(*)', 'n')
    .where(IS_OPEN)
    .andWhere(IS_OVERDUE, { now })
    .andWhere('r.departmentId IS NOT NULL');
  whereReportScope(query, scope);
  const rows: RawRow[] = await query.groupBy('r.departmentId').getRawMany();
  return rows
    .map((row) => ({
      departmentId: String(row.departmentId),
      departmentName: departmentNameOf(lookups, String(row.departmentId)),
      overdue: numberOf(row.n),
    }))
    .sort((left, right) => right.overdue - left.overdue || left.departmentName.localeCompare(right.departmentName))
    .slice(0, BRIEF_LIST_LIMIT);
}

function lowestSatisfaction(lookups: Lookups, byDepartment: Map<string | null, RawCounts>): BriefSatisfaction[] {
  const rows: BriefSatisfaction[] = [];
  for (const [departmentId, counts] of byDepartment) {
    const rate = toFigures(counts).satisfactionRate;
    if (!departmentId || rate === null || counts.rated < BRIEF_MIN_RATED) continue;
    rows.push({
      departmentId,
      departmentName: departmentNameOf(lookups, departmentId),
      rated: counts.rated,
      satisfied: counts.satisfied,
      satisfactionRate: rate,
    });
  }
  return rows
    .sort(
      (left, right) =>
        left.satisfactionRate - right.satisfactionRate ||
        right.rated - left.rated ||
        left.departmentName.localeCompare(right.departmentName),
    )
    .slice(0, BRIEF_LIST_LIMIT);
}

/** The brief of the week starting `week` (a Monday) for a region, as the figures stand at `now`. */
export async function computeWeeklyBrief(
  manager: EntityManager,
  lookups: Lookups,
  props: { week: string; regionCode: string; now: Date },
): Promise<WeeklyBriefContent> {
  const { week, regionCode, now } = props;
  const span = { from: week, to: addDays(week, 6) };
  const spans = comparisonSpans(span.from, span.to);
  const scope: StatsScope = { regionCode, departmentId: null };
  const satisfactionSpan = { from: addDays(week, -7 * (BRIEF_SATISFACTION_WEEKS - 1)), to: span.to };
  const figuresOf = async (days: DaySpan) =>
    toFigures(
      totalOf(await collectCounts(manager, { period: daysPeriod(days.from, days.to), now, scope, groupBy: [] })),
    );
  const hotspotProps = { manager, lookups, scope, span, now };
  const [current, previous, lastYear, hotspots, repeats, overdue, satisfactionGroups] = await Promise.all([
    figuresOf(span),
    figuresOf(spans.previous),
    figuresOf(spans.lastYear),
    risingHotspots(hotspotProps),
    repeatMatters(hotspotProps),
    overdueByDepartment(manager, lookups, scope, now),
    collectCounts(manager, {
      period: daysPeriod(satisfactionSpan.from, satisfactionSpan.to),
      now,
      scope,
      groupBy: ['department'],
    }),
  ]);
  return {
    week,
    ...span,
    regionCode,
    regionName: lookups.regions.get(regionCode)?.name ?? regionCode,
    generatedAt: now.toISOString(),
    ...spans,
    hotspots: hotspots.slice(0, BRIEF_LIST_LIMIT),
    comparison: BRIEF_COMPARED.map(({ figure, label }) => ({
      figure,
      label,
      current: current[figure],
      previous: previous[figure],
      lastYear: lastYear[figure],
    })),
    overdue,
    repeats: repeats.slice(0, BRIEF_LIST_LIMIT),
    satisfactionSpan,
    lowestSatisfaction: lowestSatisfaction(lookups, rollUp(satisfactionGroups, 'department')),
  };
}

/** The regions a brief is made for: every county and every township in use. */
function briefRegions(lookups: Pick<ReferenceSnapshot, 'regions'>): string[] {
  return [...lookups.regions.values()]
    .filter((region) => (region.level === 'county' || region.level === 'township') && !region.disabled)
    .map((region) => region.code)
    .sort();
}

const isDuplicate = (error: unknown) => /UNIQUE constraint|Duplicate entry|ER_DUP_ENTRY/i.test(String(error));

/**
 * The Monday job: once the week is over (Monday 00:00 China time) it makes that week's brief for
 * every region that lacks one, so a second run of the same week adds nothing, and a server that
 * was down on Monday catches up when it is back. The scheduler calls it each minute as leader.
 */
export class WeeklyBriefJob {
  /** The week this process has seen complete: later runs that week read nothing. */
  private doneWeek: string | null = null;

  constructor(private readonly deps: { dataSource: DataSource }) {}

  async runOnce(now: Date): Promise<{ week: string; made: number }> {
    const week = dueWeek(now);
    if (week === this.doneWeek) return { week, made: 0 };
    const repository = this.deps.dataSource.getRepository(WeeklyBriefRow);
    const made = new Set(
      (await repository.find({ where: { week }, select: ['regionCode'] })).map((row) => row.regionCode),
    );
    const lookups = await new ReferenceData(this.deps.dataSource, 0).snapshot();
    const missing = briefRegions(lookups).filter((code) => !made.has(code));
    let count = 0;
    for (const regionCode of missing) {
      const content = await computeWeeklyBrief(this.deps.dataSource.manager, lookups, { week, regionCode, now });
      try {
        await repository.insert({ id: newId(), week, regionCode, content, createdAt: now });
        count += 1;
      } catch (error) {
        // Another process made it first: the week keeps the brief it has.
        if (!isDuplicate(error)) throw error;
      }
    }
    this.doneWeek = week;
    return { week, made: count };
  }
}
