import type { EntityManager } from 'typeorm';
import { In, Like } from 'typeorm';
import { type MessageKind, ROLE_NAMES, type ReportAction, type StaffRole, type Tier } from '@minqing/shared';
import { Department, Message, type Report, Staff } from '../db/entities';
import type { RecipientType } from '../db/entities/message';
import { newId } from '../db/ids';
import { staffCanView } from '../policies/report';
import { ancestorsOf } from '../policies/scope';
import {
  type DeadlineKind,
  type MessageText,
  citizenTexts,
  followerTexts,
  staffTexts,
} from '../presenters/messageTexts';
import { queueReportPush } from './pushNotifier';
import { followersOf } from './reportFollowing';

/**
 * Who is told what when a report changes: in-app messages written in the caller's transaction,
 * so a message exists exactly when the change does.
 *
 * - The citizen: signed (受理), extension approved (延期), resolved (办结，请评价), rejected,
 *   auto-closed; signed and resolved also as a WeChat subscribe message when subscribed (pushNotifier).
 * - The villagers who follow it (我也遇到): signed, extended and resolved, by its public text only.
 * - The department's handlers and cadres: a reminder (催办) before a deadline.
 * - Escalation (督办) goes to the supervisors of the tier the report moved to: a 疑难 matter to
 *   the township's dispatchers (镇民情管理员), a 重大 one to the county supervisors (县指挥中心)
 *   — the accounts whose region covers the report's village.
 * - A report resolved by a department goes back to the field: the grid workers of its grid (of
 *   its village, for a report placed in no grid) are told (部门已办结，请告知群众) to answer the
 *   household face to face. They never see an anonymous report, so they are not told of one either.
 */
const HANDLER_ROLES: readonly StaffRole[] = ['handler', 'cadre'];
const SUPERVISOR_OF_TIER: Record<Tier, StaffRole> = { general: 'dispatcher', difficult: 'dispatcher', major: 'county' };

interface Recipient {
  type: RecipientType;
  id: string;
}

async function writeMessages(
  manager: EntityManager,
  recipients: Recipient[],
  kind: MessageKind,
  text: MessageText,
  report: Report,
  at: Date,
) {
  if (recipients.length === 0) return;
  const rows = recipients.map((recipient) =>
    Object.assign(new Message(), {
      id: newId(),
      recipientType: recipient.type,
      recipientId: recipient.id,
      kind,
      title: text.title,
      body: text.body,
      reportId: report.id,
      createdAt: at,
      readAt: null,
    }),
  );
  await manager.createQueryBuilder().insert().into(Message).values(rows).updateEntity(false).execute();
}

async function departmentName(manager: EntityManager, report: Report): Promise<string> {
  const department = report.departmentId
    ? await manager.getRepository(Department).findOneBy({ id: report.departmentId })
    : null;
  return department?.name ?? '有关部门';
}

/** Whoever follows the report: its citizen, or for a 代报 whose household has no account, the staff member who filed it. */
function citizenOf(report: Report): Recipient[] {
  if (report.citizenId) return [{ type: 'citizen', id: report.citizenId }];
  return report.filedByStaffId ? [{ type: 'staff', id: report.filedByStaffId }] : [];
}

/** Those of `staff` who may open `report` (a message never names a report its reader cannot see), but `except`. */
function whoMayView(staff: Staff[], report: Report, except?: string): Recipient[] {
  return staff
    .filter((member) => member.id !== except && staffCanView(member, report))
    .map((member): Recipient => ({ type: 'staff', id: member.id }));
}

/** Staff matching `where` who may open `report`: a message never names a report its reader cannot see. */
async function staffRecipients(
  manager: EntityManager,
  report: Report,
  where: { roles: readonly StaffRole[]; departmentId?: string; regionCodes?: string[] },
  except?: string,
) {
  const staff = await manager.getRepository(Staff).find({
    where: {
      role: In([...where.roles]),
      disabled: false,
      ...(where.departmentId ? { departmentId: where.departmentId } : {}),
      ...(where.regionCodes ? { regionCode: In(where.regionCodes) } : {}),
    },
  });
  return whoMayView(staff, report, except);
}

/** The supervisors of the tier a report now has, whose region covers its village. */
function supervisorsOf(manager: EntityManager, report: Report, except?: string) {
  return staffRecipients(
    manager,
    report,
    { roles: [SUPERVISOR_OF_TIER[report.tier]], regionCodes: ancestorsOf(report.villageCode) },
    except,
  );
}

/** The grid workers of the report's village who see it: its grid's, or all of them for a report placed in no grid. */
async function gridWorkersOf(manager: EntityManager, report: Report, except: string): Promise<Recipient[]> {
  const staff = await manager.getRepository(Staff).find({
    where: { role: 'grid_worker', disabled: false, regionCode: Like(`${report.villageCode}%`) },
  });
  return whoMayView(staff, report, except);
}

/** 我也遇到: the villagers who joined the report hear of its progress (never asked to rate it). */
async function followersRecipients(manager: EntityManager, report: Report): Promise<Recipient[]> {
  return (await followersOf(manager, report.id)).map((id): Recipient => ({ type: 'citizen', id }));
}

/** The citizen and the villagers who follow the report hear of one step, each in their own words. */
async function tellCitizenAndFollowers(
  manager: EntityManager,
  report: Report,
  kind: MessageKind,
  texts: { citizen: MessageText; followers: MessageText },
  at: Date,
) {
  await writeMessages(manager, citizenOf(report), kind, texts.citizen, report, at);
  await writeMessages(manager, await followersRecipients(manager, report), kind, texts.followers, report, at);
}

async function tellResolved(manager: EntityManager, report: Report, resolvedBy: string, at: Date) {
  await tellCitizenAndFollowers(
    manager,
    report,
    'report_resolved',
    { citizen: citizenTexts.resolved(report, resolvedBy), followers: followerTexts.resolved(report, resolvedBy) },
    at,
  );
  await queueReportPush(manager, { report, topic: 'report_resolved', department: resolvedBy, at });
}

/** After a staff action, with the report already updated. */
export async function notifyAfterStaffAction(
  manager: EntityManager,
  props: { report: Report; action: ReportAction; note: string | null; staff: Staff; at: Date },
): Promise<void> {
  const { report, at } = props;
  switch (props.action) {
    case 'sign': {
      const department = await departmentName(manager, report);
      await tellCitizenAndFollowers(
        manager,
        report,
        'report_signed',
        {
          citizen: citizenTexts.signed(report, department, report.resolveDueAt),
          followers: followerTexts.signed(report, department, report.resolveDueAt),
        },
        at,
      );
      return queueReportPush(manager, { report, topic: 'report_signed', department, at });
    }
    case 'approve_extension': {
      const department = await departmentName(manager, report);
      return tellCitizenAndFollowers(
        manager,
        report,
        'report_extended',
        {
          citizen: citizenTexts.extended(report, department, report.resolveDueAt),
          followers: followerTexts.extended(report, department, report.resolveDueAt),
        },
        at,
      );
    }
    case 'resolve': {
      const department = await departmentName(manager, report);
      await tellResolved(manager, report, department, at);
      const followUp = staffTexts.fieldFollowUp(report.serialNo, department, props.note);
      return writeMessages(
        manager,
        await gridWorkersOf(manager, report, props.staff.id),
        'field_follow_up',
        followUp,
        report,
        at,
      );
    }
    case 'resolve_on_spot':
      return tellResolved(manager, report, ROLE_NAMES[props.staff.role], at);
    case 'reject':
      return writeMessages(
        manager,
        citizenOf(report),
        'report_rejected',
        citizenTexts.rejected(report, props.note),
        report,
        at,
      );
    case 'escalate': {
      const text = staffTexts.escalated(
        report.serialNo,
        await departmentName(manager, report),
        report.tier,
        props.note,
      );
      return writeMessages(
        manager,
        await supervisorsOf(manager, report, props.staff.id),
        'report_escalated',
        text,
        report,
        at,
      );
    }
    default:
      return;
  }
}

/** 催办: the department's handlers, before `deadline` passes. */
export async function notifyReminder(
  manager: EntityManager,
  props: { report: Report; deadline: DeadlineKind; dueAt: Date; at: Date },
) {
  const { report } = props;
  if (!report.departmentId) return;
  const recipients = await staffRecipients(manager, report, {
    roles: HANDLER_ROLES,
    departmentId: report.departmentId,
  });
  await writeMessages(
    manager,
    recipients,
    'deadline_reminder',
    staffTexts.reminder(report.serialNo, props.deadline, props.dueAt),
    report,
    props.at,
  );
}

/** 督办 of an overdue report, after its tier was raised. */
export async function notifyOverdueEscalation(
  manager: EntityManager,
  props: { report: Report; deadline: DeadlineKind; at: Date },
) {
  const { report } = props;
  const text = staffTexts.overdue(report.serialNo, await departmentName(manager, report), props.deadline, report.tier);
  await writeMessages(manager, await supervisorsOf(manager, report), 'report_escalated', text, report, props.at);
}

/** A resolved report closed because the citizen did not rate it within `days`. */
export async function notifyAutoClosed(manager: EntityManager, props: { report: Report; days: number; at: Date }) {
  await writeMessages(
    manager,
    citizenOf(props.report),
    'report_auto_closed',
    citizenTexts.autoClosed(props.report, props.days),
    props.report,
    props.at,
  );
}
