import type { Workbook } from 'exceljs';
import type { DepartmentRanking, StaffRanking, UnrankedDepartment } from '@minqing/shared';
import { newWorkbook } from '../../presenters/xlsx';

/** A ranked row, or one listed apart as 样本不足 (no rank, no score). */
type Row = UnrankedDepartment & Partial<Pick<DepartmentRanking, 'rank' | 'score'>>;
type Cell = (entry: Row) => number | string | null;

const rate: (name: 'responseRate' | 'onTimeRate' | 'resolvedRate' | 'satisfactionRate') => Cell = (name) => (entry) =>
  entry[name];

/** The public ranking's columns, with its names (UX.md): counts as integers, rates as percentages. */
const COLUMNS: readonly { header: string; width: number; value: Cell; percent?: boolean }[] = [
  { header: '排名', width: 9, value: (entry) => entry.rank ?? '样本不足' },
  { header: '部门', width: 22, value: (entry) => entry.name },
  { header: '综合得分', width: 10, value: (entry) => entry.score ?? null },
  { header: '受理件数', width: 10, value: (entry) => entry.received },
  { header: '按时响应', width: 10, value: (entry) => entry.responded },
  { header: '响应率', width: 9, value: rate('responseRate'), percent: true },
  { header: '办结件数', width: 10, value: (entry) => entry.resolved },
  { header: '办结率', width: 9, value: rate('resolvedRate'), percent: true },
  { header: '按时办结', width: 10, value: (entry) => entry.resolvedOnTime },
  { header: '按时办结率', width: 11, value: rate('onTimeRate'), percent: true },
  { header: '评价件数', width: 10, value: (entry) => entry.rated },
  { header: '满意件数', width: 10, value: (entry) => entry.satisfied },
  { header: '满意率', width: 9, value: rate('satisfactionRate'), percent: true },
  { header: '平均办结时长(小时)', width: 18, value: (entry) => entry.meanHoursToResolve },
  { header: '超期件数', width: 10, value: (entry) => entry.overdue },
  { header: '退单件数', width: 10, value: (entry) => entry.returns },
  { header: '重复投诉', width: 10, value: (entry) => entry.repeatComplaints },
];

export const RANKING_EXPORT_HEADERS = COLUMNS.map((column) => column.header);

/**
 * 部门排名: a title row naming the period and the scope, then the header, then one row per
 * department in rank order, then those with too few reports to rank, 样本不足 in the rank
 * column. A figure without data (no denominator) is an empty cell, not 0.
 */
export function rankingWorkbook(ranking: StaffRanking, now: Date): Workbook {
  const workbook = newWorkbook(now);
  const sheet = workbook.addWorksheet('部门排名', { views: [{ state: 'frozen', ySplit: 2 }] });
  const scope = ranking.scope.departmentName ?? ranking.scope.regionName;
  sheet.addRow([`部门排名 ${ranking.from} 至 ${ranking.to} · ${scope}`]);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow(RANKING_EXPORT_HEADERS);
  sheet.getRow(2).font = { bold: true };
  COLUMNS.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    if (column.percent) sheetColumn.numFmt = '0.0%';
  });
  for (const entry of [...ranking.departments, ...ranking.insufficient.departments])
    sheet.addRow(COLUMNS.map((column) => column.value(entry)));
  return workbook;
}
