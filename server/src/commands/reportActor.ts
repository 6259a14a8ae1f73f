import type { EntityManager } from 'typeorm';
import { ACTION_NAMES, type ReportActionRequest, isOpenStatus, stateAllows } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Category, Department, Report, type Staff } from '../db/entities';
import type { EventData } from '../db/entities/reportEvent';
import { deadlinesFrom, extendedDeadline, tierAbove } from '../deadlines/slaClock';
import type { WorkingCalendar } from '../deadlines/workingCalendar';
import { badRequest, forbidden, invalidTransition, notFound } from '../errors';
import { departmentServes, staffCanAct, staffCanView, transitionContext } from '../policies/report';
import { recordAudit } from './auditRecorder';
import { awardForResolvedReport } from './points/reportAwards';
import { shareOutcomeWithMerged } from './mergedOutcome';
import { notifyAfterStaffAction } from './notifier';
import { recordCorrection } from './routingCorrections';
import { bindAttachments } from './reportEvents';
import { applyTransition } from './reportTransition';

interface ActionProps {
  staff: Staff;
  reportId: string;
  request: ReportActionRequest;
  ip: string;
  /** Written in the action's own transaction (the idempotency key), so both happen or neither. */
  alsoWrite?: (manager: EntityManager, report: Report, now: Date) => Promise<void>;
}

async function receivingDepartment(manager: EntityManager, report: Report, departmentId: string): Promise<Department> {
  const department = await manager.getRepository(Department).findOneBy({ id: departmentId });
  if (!department || department.disabled || !departmentServes(department, report))
    throw badRequest('该部门不负责这个地区，请重新选择', 'departmentId');
  return department;
}

/** What each action changes on the report, beyond its status. */
async function changesFor(
  manager: EntityManager,
  report: Report,
  request: ReportActionRequest,
  now: Date,
  staff: Staff,
  calendar: WorkingCalendar,
) {
  const changes: Partial<Report> = {};
  let departmentId: string | null = report.departmentId;
  const data: EventData = {};
  switch (request.action) {
    case 'assign':
    case 'transfer': {
      const department = await receivingDepartment(manager, report, request.departmentId);
      if (request.action === 'transfer' && department.id === report.departmentId)
        throw badRequest('请选择另一个部门', 'departmentId');
      const categoryCode = request.categoryCode ?? report.categoryCode;
      const category = categoryCode ? await manager.getRepository(Category).findOneBy({ code: categoryCode }) : null;
      if (request.categoryCode && !category) throw badRequest('没有这个问题分类', 'categoryCode');
      Object.assign(
        changes,
        { departmentId: department.id, dispatchedAt: now, signedAt: null, extensionRequestedDays: null },
        deadlinesFrom(now, category, calendar),
      );
      if (category && category.code !== report.categoryCode) {
        Object.assign(changes, { categoryCode: category.code, tier: report.escalated ? report.tier : category.tier });
        await recordCorrection(manager, { report, categoryCode: category.code, staff, at: now });
        data.categoryCode = category.code;
      }
      data.fromDepartmentId = report.departmentId;
      departmentId = department.id;
      break;
    }
    case 'sign':
      changes.signedAt = now;
      break;
    case 'resolve':
      changes.resolvedAt = now;
      break;
    case 'resolve_on_spot':
      Object.assign(changes, { signedAt: report.signedAt ?? now, resolvedAt: now, extensionRequestedDays: null });
      break;
    case 'return':
      Object.assign(changes, {
        departmentId: null,
        signedAt: null,
        responseDueAt: null,
        resolveDueAt: null,
        extensionRequestedDays: null,
      });
      break;
    case 'request_extension':
      changes.extensionRequestedDays = request.extensionDays;
      data.extensionDays = request.extensionDays;
      break;
    case 'approve_extension': {
      const days = report.extensionRequestedDays ?? 0;
      changes.resolveDueAt = extendedDeadline(report.resolveDueAt ?? now, days, calendar);
      changes.extensionRequestedDays = null;
      data.extensionDays = days;
      break;
    }
    case 'refuse_extension':
      changes.extensionRequestedDays = null;
      data.extensionDays = report.extensionRequestedDays;
      break;
    case 'escalate': {
      const tier = tierAbove(report.tier);
      Object.assign(changes, { escalated: true, tier });
      data.tier = tier;
      break;
    }
    case 'reject':
      changes.closedAt = now;
      break;
    case 'merge': {
      if (request.targetReportId === report.id) throw badRequest('不能合并到自身', 'targetReportId');
      const target = await manager.getRepository(Report).findOneBy({ id: request.targetReportId });
      if (!target || !staffCanView(staff, target)) throw badRequest('没有找到要合并到的事项', 'targetReportId');
      if (!isOpenStatus(target.status)) throw badRequest('只能合并到仍在办理中的事项', 'targetReportId');
      Object.assign(changes, { mergedIntoId: target.id, closedAt: now });
      data.targetSerialNo = target.serialNo;
      break;
    }
    case 'rate_on_behalf':
      data.score = request.score;
      break;
    case 'reply':
      break;
  }
  return { changes, departmentId, data };
}

/** A staff member moves a report along the shared state machine; one event, one audit line. */
export async function actOnReport(deps: AppDeps, props: ActionProps): Promise<Report> {
  const { staff, request } = props;
  const now = deps.clock();
  // The holiday schedule entered under 配置 → 节假日 counts for new deadlines (cached, so cheap).
  const { calendar } = await deps.reference.snapshot();
  return transaction(deps.dataSource, async (manager) => {
    const report = await manager.getRepository(Report).findOneBy({ id: props.reportId });
    if (!report) throw notFound('没有找到该事项');
    if (!staffCanView(staff, report)) throw forbidden('该事项不在您的管辖范围内');
    if (!staffCanAct(staff, report, request.action, now)) {
      const allowedSomewhere = nextAllowedFromStatus(report, request.action, now);
      if (!allowedSomewhere) throw invalidTransition(refusalOf(report, request.action, now));
      throw forbidden(`您不能对该事项${ACTION_NAMES[request.action]}`);
    }
    const score = request.action === 'rate_on_behalf' ? request.score : undefined;
    const { changes, departmentId, data } = await changesFor(manager, report, request, now, staff, calendar);
    const { event } = await applyTransition(manager, {
      report,
      action: request.action,
      actor: { type: 'staff', id: staff.id },
      ctx: { ...transitionContext(report, now), score },
      changes: (toStatus) =>
        request.action === 'rate_on_behalf'
          ? { ...changes, ...ratingChanges(report, toStatus, request.score, request.note, now) }
          : changes,
      departmentId: request.action === 'return' ? staff.departmentId : departmentId,
      note: request.note ?? null,
      data: Object.keys(data).length ? data : null,
      at: now,
    });
    const resolves = request.action === 'resolve' || request.action === 'resolve_on_spot';
    if (resolves && request.photoUploadIds?.length) {
      await bindAttachments(manager, {
        ids: request.photoUploadIds,
        ownerType: 'staff',
        ownerId: staff.id,
        kind: 'photo',
        reportId: report.id,
        eventId: event.id,
        field: 'photoUploadIds',
      });
    }
    await notifyAfterStaffAction(manager, {
      report,
      action: request.action,
      note: request.note ?? null,
      staff,
      at: now,
    });
    if (resolves) {
      await shareOutcomeWithMerged(manager, { report, note: request.note, staff, at: now });
      await awardForResolvedReport(manager, report, now);
    }
    await recordAudit(manager, {
      staff,
      action: `report.${request.action}`,
      targetType: 'report',
      targetId: report.id,
      ip: props.ip,
      at: now,
    });
    await props.alsoWrite?.(manager, report, now);
    return report;
  });
}

/** 回访评价 closes or reopens the report as a citizen's rating does, marked as recorded for the household. */
function ratingChanges(
  report: Report,
  toStatus: Report['status'],
  score: number,
  note: string,
  now: Date,
): Partial<Report> {
  const reopened = toStatus === 'reopened';
  return {
    rating: score,
    ratingComment: note,
    ratingOnBehalf: true,
    closedAt: reopened ? null : now,
    signedAt: reopened ? null : report.signedAt,
    reopenCount: report.reopenCount + (reopened ? 1 : 0),
  };
}

/** Distinguishes "not in this state" (409) from "not yours to do" (403). */
function nextAllowedFromStatus(report: Report, action: ReportActionRequest['action'], now: Date): boolean {
  return stateAllows(action, report.status, transitionContext(report, now));
}

function refusalOf(report: Report, action: ReportActionRequest['action'], now: Date): string {
  if (action === 'request_extension' && transitionContext(report, now).resolveDuePassed)
    return '已超过办结时限，不能再申请延期';
  return `当前状态下不能${ACTION_NAMES[action]}`;
}
