import { Workbook } from 'exceljs';
import {
  type CheckedHouseholdInput,
  HOUSEHOLD_IMPORT_COLUMNS,
  HOUSEHOLD_LIMITS,
  HOUSEHOLD_TAG_NAMES,
  type HouseholdImportRowError,
  HouseholdInputSchema,
  type HouseholdTag,
} from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { PersonalDataCipher } from '../crypto/personalData';
import { Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { placementProblem, storeHouseholds } from './householdRoster';

type ColumnKey = keyof typeof HOUSEHOLD_IMPORT_COLUMNS;
type RawRow = { row: number; cells: Record<ColumnKey, string> };

const TAG_BY_NAME = new Map(Object.entries(HOUSEHOLD_TAG_NAMES).map(([tag, name]) => [name, tag as HouseholdTag]));
const FIELD_COLUMN: Partial<Record<string, ColumnKey>> = { liaisonId: 'liaison' };

export class WorkbookUnreadable extends Error {}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text).trim();
  if (typeof value === 'object' && 'result' in value) return String((value as { result: unknown }).result ?? '').trim();
  return String(value).trim();
}

/** The first sheet's rows, read by the template's headers (any order); blank rows skipped. */
export async function readRosterRows(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookUnreadable('文件不是有效的 .xlsx 表格，请使用导入模板');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new WorkbookUnreadable('表格是空的');
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => headers.set(cellText(cell.value), column));
  const missing = Object.values(HOUSEHOLD_IMPORT_COLUMNS).filter((header) => !headers.has(header));
  if (missing.length) throw new WorkbookUnreadable(`表头缺少：${missing.join('、')}，请使用导入模板`);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = Object.fromEntries(
      (Object.entries(HOUSEHOLD_IMPORT_COLUMNS) as [ColumnKey, string][]).map(([key, header]) => [
        key,
        cellText(row.getCell(headers.get(header)!).value),
      ]),
    ) as Record<ColumnKey, string>;
    if (Object.values(cells).some(Boolean)) rows.push({ row: number, cells });
  });
  return rows;
}

function parseTags(text: string): { tags: HouseholdTag[]; unknown: string[] } {
  const names = text.split(/[、，,;；\s]+/).filter(Boolean);
  const unknown = names.filter((name) => !TAG_BY_NAME.has(name));
  return { tags: [...new Set(names.flatMap((name) => TAG_BY_NAME.get(name) ?? []))], unknown };
}

/**
 * 导入住户花名册: every row is checked first; one wrong row refuses the whole file, each problem
 * named by its row, so nothing is half-imported. The rows that pass are stored in one transaction.
 */
export async function importHouseholds(
  manager: EntityManager,
  props: {
    editor: Staff;
    cipher: PersonalDataCipher;
    reference: Pick<ReferenceSnapshot, 'regions'>;
    bytes: Buffer;
    now: Date;
    ip: string;
  },
): Promise<{ imported: number } | { rowErrors: HouseholdImportRowError[] }> {
  const rows = await readRosterRows(props.bytes);
  if (rows.length === 0) throw new WorkbookUnreadable('表格中没有住户');
  if (rows.length > HOUSEHOLD_LIMITS.importRowsMax)
    throw new WorkbookUnreadable(`一次最多导入 ${HOUSEHOLD_LIMITS.importRowsMax} 户`);
  const usernames = [...new Set(rows.map((row) => row.cells.liaison).filter(Boolean))];
  const liaisonAccounts = usernames.length
    ? await manager.getRepository(Staff).findBy({ username: In(usernames) })
    : [];
  const byUsername = new Map(liaisonAccounts.map((staff) => [staff.username, staff]));
  const byId = new Map(liaisonAccounts.map((staff) => [staff.id, staff]));

  const rowErrors: HouseholdImportRowError[] = [];
  const checked: CheckedHouseholdInput[] = [];
  for (const { row, cells } of rows) {
    const fail = (column: ColumnKey | null, message: string) =>
      rowErrors.push({ row, column: column ? HOUSEHOLD_IMPORT_COLUMNS[column] : null, message });
    const { tags, unknown } = parseTags(cells.tags);
    if (unknown.length) {
      fail('tags', `没有这个标签：${unknown.join('、')}`);
      continue;
    }
    const liaison = cells.liaison ? byUsername.get(cells.liaison) : undefined;
    if (cells.liaison && !liaison) {
      fail('liaison', `没有这个三线成员账号：${cells.liaison}`);
      continue;
    }
    const parsed = HouseholdInputSchema.safeParse({
      gridCode: cells.gridCode,
      headName: cells.headName,
      address: cells.address,
      phone: cells.phone || null,
      memberCount: cells.memberCount === '' ? undefined : Number(cells.memberCount),
      tags,
      liaisonId: liaison?.id ?? null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue.path[0] ?? '');
      fail(FIELD_COLUMN[field] ?? (field in HOUSEHOLD_IMPORT_COLUMNS ? (field as ColumnKey) : null), issue.message);
      continue;
    }
    const problem = placementProblem(props.editor, props.reference, byId, parsed.data);
    if (problem) {
      fail(problem.field === 'liaisonId' ? 'liaison' : 'gridCode', problem.message);
      continue;
    }
    checked.push(parsed.data);
  }
  if (rowErrors.length) return { rowErrors };
  const stored = await storeHouseholds(manager, {
    editor: props.editor,
    cipher: props.cipher,
    households: checked,
    now: props.now,
    ip: props.ip,
    action: 'household.import',
  });
  return { imported: stored.length };
}
