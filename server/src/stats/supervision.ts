import { NOT_VISITED_DAYS, type SupervisionGridRow, type SupervisionLiaisonRow, isWithin } from '@minqing/shared';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Household, Report, ReportEvent, Staff, Visit } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { numberOf } from './aggregate';
import { type Period, monthPeriod } from './calendar';
import { FILED_ON_BEHALF, HOUSEHOLD_ON_ROSTER, NOT_VISITED, SETTLED_ON_SPOT, VISIT_IN_PERIOD } from './figures';

const DAY_MS = 24 * 3600_000;

/** The month's instants: [start, end), and when 未走访 is judged (the end, or now within the month). */
export interface SupervisionWindow {
  period: Period;
  asOf: Date;
  visitCutoff: Date;
}

export function supervisionWindow(month: string, now: Date): SupervisionWindow {
  const period = monthPeriod(month);
  const asOf = now < period.end ? now : period.end;
  return { period, asOf, visitCutoff: new Date(asOf.getTime() - NOT_VISITED_DAYS * DAY_MS) };
}

const parameters = (window: SupervisionWindow) => ({
  periodStart: window.period.start,
  periodEnd: window.period.end,
  asOf: window.asOf,
  visitCutoff: window.visitCutoff,
});

/** Households `h` under a region (grid, village, township, county) that were not visited, for the counts and the 未走访 list. */
export function notVisitedHouseholds(
  manager: EntityManager,
  window: SupervisionWindow,
  where: { regionCode: string; gridCode?: string; liaisonId?: string },
): SelectQueryBuilder<Household> {
  const query = manager
    .getRepository(Household)
    .createQueryBuilder('h')
    .where(NOT_VISITED, parameters(window))
    .andWhere('h.gridCode LIKE :region', { region: `${where.regionCode}%` });
  if (where.gridCode) query.andWhere('h.gridCode = :gridCode', { gridCode: where.gridCode });
  if (where.liaisonId) query.andWhere('h.liaisonId = :liaisonId', { liaisonId: where.liaisonId });
  return query;
}

async function countsBy(query: SelectQueryBuilder<object>, column: string): Promise<Map<string, number>> {
  const rows: { key: string | null; count: string | number }[] = await query
    .select(column, 'key')
    .addSelect('COUNT(*)', 'count')
    .groupBy(column)
    .getRawMany();
  return new Map(rows.filter((row) => row.key !== null).map((row) => [String(row.key), numberOf(row.count)]));
}

/**
 * 走访督导 for a region and month: every grid under it and every 三线 member of those grids,
 * with the figures of figures.ts (zero rows included, so a grid that did nothing shows).
 */
export async function computeSupervision(props: {
  manager: EntityManager;
  reference: Pick<ReferenceSnapshot, 'regions'>;
  regionCode: string;
  window: SupervisionWindow;
}): Promise<{ grids: SupervisionGridRow[]; liaisons: SupervisionLiaisonRow[] }> {
  const { manager, reference, regionCode, window } = props;
  const region = `${regionCode}%`;
  const households = () =>
    manager
      .getRepository(Household)
      .createQueryBuilder('h')
      .where(HOUSEHOLD_ON_ROSTER, parameters(window))
      .andWhere('h.gridCode LIKE :region', { region });
  const visits = () =>
    manager
      .getRepository(Visit)
      .createQueryBuilder('v')
      .where(VISIT_IN_PERIOD, parameters(window))
      .andWhere('v.gridCode LIKE :region', { region });
  const liaisonAccounts = await manager
    .getRepository(Staff)
    .createQueryBuilder('s')
    .where("s.role = 'liaison' AND s.regionCode LIKE :region", { region })
    .orderBy('s.regionCode', 'ASC')
    .addOrderBy('s.name', 'ASC')
    .getMany();
  const filedOnBehalf = () =>
    manager
      .getRepository(Report)
      .createQueryBuilder('r')
      .innerJoin(Staff, 's', 's.id = r.filedByStaffId')
      .where(FILED_ON_BEHALF, parameters(window))
      .andWhere('s.regionCode LIKE :region', { region });
  const [
    gridHouseholds,
    gridVisits,
    gridNotVisited,
    settled,
    gridFiled,
    liaisonHouseholds,
    liaisonVisits,
    liaisonNotVisited,
    staffFiled,
  ] = await Promise.all([
    countsBy(households(), 'h.gridCode'),
    countsBy(visits(), 'v.gridCode'),
    countsBy(notVisitedHouseholds(manager, window, { regionCode }), 'h.gridCode'),
    countsBy(
      manager
        .getRepository(ReportEvent)
        .createQueryBuilder('e')
        .innerJoin(Staff, 's', 's.id = e.actorId')
        .where(SETTLED_ON_SPOT, parameters(window))
        .andWhere('s.regionCode LIKE :region', { region }),
      's.regionCode',
    ),
    countsBy(filedOnBehalf(), 's.regionCode'),
    countsBy(households().andWhere('h.liaisonId IS NOT NULL'), 'h.liaisonId'),
    countsBy(visits(), 'v.staffId'),
    countsBy(notVisitedHouseholds(manager, window, { regionCode }).andWhere('h.liaisonId IS NOT NULL'), 'h.liaisonId'),
    countsBy(filedOnBehalf(), 'r.filedByStaffId'),
  ]);
  const gridName = (code: string) => reference.regions.get(code)?.name ?? code;
  const grids = [...reference.regions.values()]
    .filter((candidate) => candidate.level === 'grid' && isWithin(candidate.code, regionCode))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((grid) => ({
      gridCode: grid.code,
      gridName: grid.name,
      villageName: gridName(grid.parentCode ?? ''),
      households: gridHouseholds.get(grid.code) ?? 0,
      visits: gridVisits.get(grid.code) ?? 0,
      notVisited: gridNotVisited.get(grid.code) ?? 0,
      filedOnBehalf: gridFiled.get(grid.code) ?? 0,
      settledOnSpot: settled.get(grid.code) ?? 0,
    }));
  const liaisons = liaisonAccounts.map((staff) => ({
    staffId: staff.id,
    name: staff.name,
    gridCode: staff.regionCode,
    gridName: gridName(staff.regionCode),
    households: liaisonHouseholds.get(staff.id) ?? 0,
    visits: liaisonVisits.get(staff.id) ?? 0,
    notVisited: liaisonNotVisited.get(staff.id) ?? 0,
    filedOnBehalf: staffFiled.get(staff.id) ?? 0,
  }));
  return { grids, liaisons };
}
