import type { Workbook, Worksheet } from 'exceljs';
import { hotspotDefinitions } from '../../stats/figureDefinitions';
import type { WeeklyBriefContent } from '../../stats/weeklyBrief';
import { chinaDateTime, newWorkbook } from '../../presenters/xlsx';

type Cell = string | number | null;

/** The five sections of a 研判简报, in the order a reader meets them; each is a sheet. */
export const BRIEF_SHEETS = ['本周热点', '同比环比', '超期', '重复投诉', '满意度最低的部门'] as const;

const RATE_FIGURES = new Set(['resolvedRate', 'onTimeRate', 'satisfactionRate']);

/**
 * A section: the title (brief, week, region), how its figures are made, the header, then its
 * rows — or one line saying there is nothing to list.
 */
function section(
  workbook: Workbook,
  brief: WeeklyBriefContent,
  name: (typeof BRIEF_SHEETS)[number],
  definition: string,
  columns: readonly { header: string; width: number }[],
  rows: readonly Cell[][],
  emptyText: string,
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`研判简报 · ${name} · ${brief.regionName} ${brief.from} 至 ${brief.to}`]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow([`说明：${definition}`]);
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getRow(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 45;
  sheet.addRow(columns.map((column) => column.header));
  sheet.getRow(3).font = { bold: true };
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  if (rows.length === 0) sheet.addRow([emptyText]);
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

const difference = (left: number | null, right: number | null) =>
  left === null || right === null ? null : Math.round((left - right) * 10_000) / 10_000;

/** The stored brief as a workbook of five sheets (BRIEF_SHEETS); figures are the stored ones, never recomputed. */
export function briefWorkbook(brief: WeeklyBriefContent, now: Date): Workbook {
  const workbook = newWorkbook(now);
  const words = hotspotDefinitions();
  const place = [
    { header: '镇(街道)', width: 12 },
    { header: '村(社区)', width: 14 },
    { header: '分类', width: 14 },
  ];
  section(
    workbook,
    brief,
    '本周热点',
    words.rising,
    [
      ...place,
      { header: '本周件数', width: 10 },
      { header: `上周(${brief.previous.from}~${brief.previous.to})`, width: 26 },
      { header: `去年同期(${brief.lastYear.from}~${brief.lastYear.to})`, width: 28 },
    ],
    brief.hotspots.map((row) => [
      row.townshipName,
      row.villageName,
      row.categoryName,
      row.count,
      row.previous,
      row.lastYear,
    ]),
    '本周没有上升的热点',
  );
  const comparison = section(
    workbook,
    brief,
    '同比环比',
    words.comparison,
    [
      { header: '指标', width: 12 },
      { header: '本周', width: 10 },
      { header: '上周', width: 10 },
      { header: '去年同期', width: 10 },
      { header: '环比变化', width: 10 },
      { header: '同比变化', width: 10 },
    ],
    brief.comparison.map((row) => [
      row.label,
      row.current,
      row.previous,
      row.lastYear,
      difference(row.current, row.previous),
      difference(row.current, row.lastYear),
    ]),
    '',
  );
  brief.comparison.forEach((row, index) => {
    if (RATE_FIGURES.has(row.figure)) comparison.getRow(4 + index).numFmt = '0.0%';
  });
  section(
    workbook,
    brief,
    '超期',
    words.overdue,
    [
      { header: '承办部门', width: 22 },
      { header: '超期未办结', width: 12 },
    ],
    brief.overdue.map((row) => [row.departmentName, row.overdue]),
    '生成简报时没有超期未办结的反映',
  );
  section(
    workbook,
    brief,
    '重复投诉',
    words.repeats,
    [...place, { header: '重复反映件数', width: 12 }, { header: '最近一次反映', width: 17 }],
    brief.repeats.map((row) => [
      row.townshipName,
      row.villageName,
      row.categoryName,
      row.count,
      chinaDateTime(new Date(row.lastReportedAt)),
    ]),
    '本周没有重复反映的事项',
  );
  const satisfaction = section(
    workbook,
    brief,
    '满意度最低的部门',
    `${words.lowestSatisfaction}（${brief.satisfactionSpan.from} 至 ${brief.satisfactionSpan.to}）`,
    [
      { header: '部门', width: 22 },
      { header: '评价件数', width: 10 },
      { header: '满意件数', width: 10 },
      { header: '满意率', width: 9 },
    ],
    brief.lowestSatisfaction.map((row) => [row.departmentName, row.rated, row.satisfied, row.satisfactionRate]),
    '近几周没有群众评价',
  );
  satisfaction.getColumn(4).numFmt = '0.0%';
  return workbook;
}
