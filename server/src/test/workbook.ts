import { Workbook } from 'exceljs';
import type { Response } from 'superagent';

export type CellValue = string | number | null;

/** A supertest parser collecting the body as bytes: supertest only buffers text and JSON by itself. */
export function bytes(response: Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const stream = response as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The first sheet's rows as plain values (exceljs rows are 1-based with an empty slot 0). */
export async function sheetRows(body: Buffer): Promise<CellValue[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: CellValue[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    rows.push(
      Array.from(row.values as CellValue[])
        .slice(1)
        .map((value) => value ?? null),
    );
  });
  return rows;
}
