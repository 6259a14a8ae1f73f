import { In } from 'typeorm';
import type { BulkAssignRequest, BulkAssignResponse, BulkAssignResult } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Department, Report, type Staff } from '../db/entities';
import { AppError, badRequest } from '../errors';
import { staffCanView } from '../policies/report';
import { actOnReport } from './reportActor';

/**
 * 批量派单: the same `assign` on each selected report, one transaction each, so every report
 * passes the state machine, the scope and the version check on its own and gets its own event
 * and audit line; one that fails (taken meanwhile, outside the department's area …) does not
 * undo the others, and the answer says what happened to each.
 */
export async function bulkAssign(
  deps: AppDeps,
  props: { staff: Staff; request: BulkAssignRequest; ip: string },
): Promise<BulkAssignResponse> {
  const { staff, request } = props;
  const department = await deps.dataSource.getRepository(Department).findOneBy({ id: request.departmentId });
  if (!department) throw badRequest('没有这个部门', 'departmentId');
  const found = await deps.dataSource.getRepository(Report).findBy({ id: In(request.reportIds) });
  const visible = new Map(found.filter((report) => staffCanView(staff, report)).map((report) => [report.id, report]));
  const results: BulkAssignResult[] = [];
  for (const reportId of request.reportIds) {
    const serialNo = visible.get(reportId)?.serialNo ?? null;
    try {
      const report = await actOnReport(deps, {
        staff,
        reportId,
        request: {
          action: 'assign',
          departmentId: request.departmentId,
          categoryCode: request.categoryCode,
          note: request.note,
        },
        ip: props.ip,
      });
      results.push({ reportId, ok: true, serialNo: report.serialNo, status: report.status, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
      results.push({ reportId, ok: false, serialNo, status: visible.get(reportId)?.status ?? null, error: refusal });
    }
  }
  const succeeded = results.filter((result) => result.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
