import { Workbook, type Worksheet } from 'exceljs';
import type { AppContext } from '../context';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet whose first row is the (bold, frozen) header; widths in characters, Chinese counting double. */
export function sheetWithHeader(
  workbook: Workbook,
  name: string,
  columns: readonly { header: string; width: number }[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export function newWorkbook(now: Date): Workbook {
  const workbook = new Workbook();
  workbook.creator = '321 民情在线';
  workbook.created = now;
  return workbook;
}

export async function xlsxBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Answers a workbook as a download. The ASCII `filename` is for old clients; `filename*`
 * (RFC 5987) carries the Chinese name every current browser shows.
 */
export function sendXlsx(ctx: AppContext, bytes: Buffer, names: { ascii: string; chinese: string }): void {
  ctx.set(
    'Content-Disposition',
    `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.chinese)}`,
  );
  // Exports hold citizens' reports: no cache keeps a copy.
  ctx.set('Cache-Control', 'no-store');
  ctx.type = XLSX_TYPE;
  ctx.body = bytes;
}

const OFFSET_MS = 8 * 3600_000;

/** An instant as China time, 'YYYY-MM-DD HH:mm': text, so Excel shows what the panel shows whatever its own time zone. */
export function chinaDateTime(at: Date | null): string {
  return at ? new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '';
}

/** 'YYYYMMDD' of an instant in China, for file names. */
export function chinaDay(at: Date): string {
  return chinaDateTime(at).slice(0, 10).replace(/-/g, '');
}
