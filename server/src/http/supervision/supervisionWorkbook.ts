import type { Household, Supervision } from '@minqing/shared';
import { chinaDateTime, newWorkbook, sheetWithHeader, xlsxBytes } from '../../presenters/xlsx';

/** 走访督导.xlsx: the grid and 三线 tables as on screen, and the 未走访 list for the village to act on. */
export async function supervisionWorkbook(
  supervision: Supervision,
  notVisited: Household[],
  now: Date,
): Promise<Buffer> {
  const workbook = newWorkbook(now);
  const label = (figure: string) =>
    supervision.definitions.find((definition) => definition.figure === figure)?.label ?? figure;
  const grids = sheetWithHeader(workbook, '按网格', [
    { header: '村', width: 14 },
    { header: '网格', width: 14 },
    { header: label('households'), width: 10 },
    { header: label('visits'), width: 10 },
    { header: label('notVisited'), width: 12 },
    { header: label('filedOnBehalf'), width: 10 },
    { header: label('settledOnSpot'), width: 10 },
  ]);
  supervision.grids.forEach((row) =>
    grids.addRow([
      row.villageName,
      row.gridName,
      row.households,
      row.visits,
      row.notVisited,
      row.filedOnBehalf,
      row.settledOnSpot,
    ]),
  );
  const liaisons = sheetWithHeader(workbook, '按三线成员', [
    { header: '三线成员', width: 12 },
    { header: '网格', width: 14 },
    { header: label('households'), width: 10 },
    { header: label('visits'), width: 10 },
    { header: label('notVisited'), width: 12 },
    { header: label('filedOnBehalf'), width: 10 },
  ]);
  supervision.liaisons.forEach((row) =>
    liaisons.addRow([row.name, row.gridName, row.households, row.visits, row.notVisited, row.filedOnBehalf]),
  );
  const list = sheetWithHeader(workbook, '未走访名单', [
    { header: '网格', width: 14 },
    { header: '户主', width: 10 },
    { header: '住址', width: 28 },
    { header: '联系电话', width: 14 },
    { header: '三线成员', width: 10 },
    { header: '最近走访', width: 18 },
  ]);
  notVisited.forEach((row) =>
    list.addRow([
      row.gridName,
      row.headName,
      row.address,
      row.phone ?? '',
      row.liaison?.name ?? '未分配',
      row.lastVisitedAt ? chinaDateTime(new Date(row.lastVisitedAt)) : '从未走访',
    ]),
  );
  const definitions = sheetWithHeader(workbook, '指标说明', [
    { header: '指标', width: 12 },
    { header: '计算方法', width: 80 },
  ]);
  supervision.definitions.forEach((definition) => definitions.addRow([definition.label, definition.howComputed]));
  return xlsxBytes(workbook);
}
