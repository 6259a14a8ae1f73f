import type { Workbook } from 'exceljs';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { SERVICE_NAMES, STAFF_STATUS_NAMES, TIER_NAMES } from '@minqing/shared';
import { maskPhone, type PersonalDataCipher } from '../../crypto/personalData';
import { Citizen, type Report } from '../../db/entities';
import type { ReportLookups } from '../../presenters/report';
import { isOverdue } from '../../presenters/report';
import { chinaDateTime, newWorkbook, sheetWithHeader } from '../../presenters/xlsx';

const COLUMNS = [
  { header: '编号', width: 18 },
  { header: '状态', width: 10 },
  { header: '服务', width: 12 },
  { header: '分类', width: 14 },
  { header: '等级', width: 8 },
  { header: '镇(街道)', width: 12 },
  { header: '村(社区)', width: 14 },
  { header: '承办部门', width: 18 },
  { header: '反映内容', width: 60 },
  { header: '反映人', width: 10 },
  { header: '联系电话', width: 14 },
  { header: '提交时间', width: 17 },
  { header: '派单时间', width: 17 },
  { header: '签收时间', width: 17 },
  { header: '办结时限', width: 17 },
  { header: '办结时间', width: 17 },
  { header: '超期', width: 6 },
  { header: '督办', width: 6 },
  { header: '评价', width: 6 },
  { header: '评价方式', width: 10 },
  { header: '代报', width: 6 },
] as const;

export const REPORT_EXPORT_HEADERS = COLUMNS.map((column) => column.header);

/** 张大爷 → 张**: an export leaves the system, so even the nickname the panel shows is masked in it. */
export function maskName(name: string | null): string {
  if (!name) return '';
  const characters = [...name];
  return characters.length === 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

/** The reporters of the rows, read in chunks so no statement carries thousands of parameters. */
async function citizensOf(manager: EntityManager, reports: readonly Report[]): Promise<Map<string, Citizen>> {
  const ids = [
    ...new Set(
      reports.filter((report) => !report.anonymous).flatMap((report) => (report.citizenId ? [report.citizenId] : [])),
    ),
  ];
  const citizens = new Map<string, Citizen>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await manager
      .getRepository(Citizen)
      .find({ where: { id: In(ids.slice(start, start + 500)) }, select: ['id', 'nickname', 'phoneEncrypted'] });
    for (const row of rows) citizens.set(row.id, row);
  }
  return citizens;
}

export interface ReportsWorkbookProps {
  manager: EntityManager;
  cipher: PersonalDataCipher;
  lookups: ReportLookups;
  reports: readonly Report[];
  now: Date;
}

/**
 * One row per report, in the queue's order. The reporter is masked (name and phone) and left
 * out entirely for anonymous reports (违法举报), as in the report drawer.
 */
export async function reportsWorkbook(props: ReportsWorkbookProps): Promise<Workbook> {
  const { lookups, now } = props;
  const citizens = await citizensOf(props.manager, props.reports);
  const workbook = newWorkbook(now);
  const sheet = sheetWithHeader(workbook, '工单', COLUMNS);
  for (const report of props.reports) {
    const citizen = report.anonymous || !report.citizenId ? undefined : citizens.get(report.citizenId);
    const sealedPhone = report.anonymous
      ? null
      : (report.contactPhoneEncrypted ?? report.onBehalfPhoneEncrypted ?? citizen?.phoneEncrypted ?? null);
    const values = [
      report.serialNo,
      STAFF_STATUS_NAMES[report.status],
      SERVICE_NAMES[report.serviceCode],
      report.categoryCode ? (lookups.categories.get(report.categoryCode)?.name ?? report.categoryCode) : '待分类',
      TIER_NAMES[report.tier],
      lookups.regions.get(report.townshipCode)?.name ?? report.townshipCode,
      lookups.regions.get(report.villageCode)?.name ?? report.villageCode,
      report.departmentId ? (lookups.departments.get(report.departmentId)?.name ?? '已撤销的部门') : '',
      [report.text, report.transcript].filter(Boolean).join('\n'),
      report.anonymous ? '匿名' : maskName(report.onBehalfName ?? citizen?.nickname ?? null),
      sealedPhone ? maskPhone(props.cipher.decrypt(sealedPhone)) : '',
      chinaDateTime(report.createdAt),
      chinaDateTime(report.dispatchedAt),
      chinaDateTime(report.signedAt),
      chinaDateTime(report.resolveDueAt),
      chinaDateTime(report.resolvedAt),
      isOverdue(report, now) ? '是' : '',
      report.escalated ? '是' : '',
      report.rating ?? '',
      report.ratingOnBehalf ? '回访评价' : '',
      report.filedByStaffId ? '是' : '',
    ];
    // Nothing to say is an empty cell, not an empty string (which Excel counts as a value).
    sheet.addRow(values.map((value) => (value === '' ? null : value)));
  }
  sheet.getColumn(9).alignment = { wrapText: true, vertical: 'top' };
  return workbook;
}
