import { HOUSEHOLD_IMPORT_COLUMNS, HOUSEHOLD_TAG_NAMES } from '@minqing/shared';
import type { Region } from '../../db/entities';
import { newWorkbook, sheetWithHeader, xlsxBytes } from '../../presenters/xlsx';

/**
 * 住户导入模板: the roster sheet with its headers and one example row, then the grids the importer
 * may fill (code and name) and the tags, so nobody has to guess a code.
 */
export async function householdTemplate(grids: Region[], now: Date): Promise<Buffer> {
  const workbook = newWorkbook(now);
  const widths: Record<keyof typeof HOUSEHOLD_IMPORT_COLUMNS, number> = {
    gridCode: 18,
    headName: 12,
    address: 30,
    phone: 14,
    memberCount: 10,
    tags: 24,
    liaison: 16,
  };
  const roster = sheetWithHeader(
    workbook,
    '住户',
    (Object.keys(HOUSEHOLD_IMPORT_COLUMNS) as (keyof typeof HOUSEHOLD_IMPORT_COLUMNS)[]).map((key) => ({
      header: HOUSEHOLD_IMPORT_COLUMNS[key],
      width: widths[key],
    })),
  );
  roster.getColumn(1).numFmt = '@';
  roster.getColumn(4).numFmt = '@';
  if (grids[0])
    roster.addRow([
      grids[0].code,
      '张三',
      '一组 12 号',
      '13800000000',
      2,
      `${HOUSEHOLD_TAG_NAMES.elderly_alone}、${HOUSEHOLD_TAG_NAMES.low_income}`,
      '',
    ]);
  const gridSheet = sheetWithHeader(workbook, '网格代码', [
    { header: '网格代码', width: 18 },
    { header: '网格名称', width: 24 },
  ]);
  grids.forEach((grid) => gridSheet.addRow([grid.code, grid.name]));
  const tagSheet = sheetWithHeader(workbook, '标签', [{ header: '标签（多个用、分隔）', width: 24 }]);
  Object.values(HOUSEHOLD_TAG_NAMES).forEach((name) => tagSheet.addRow([name]));
  return xlsxBytes(workbook);
}
